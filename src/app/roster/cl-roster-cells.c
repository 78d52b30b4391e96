#define G_LOG_DOMAIN "cl-roster-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-cells.h"
#include "cl-column-sorter.h"
#include "cl-patient-store.h"
#include "cl-roster-cells.h"
#include "cl-roster-columns.h"

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "—");
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *alert = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* The badge beside her name never squeezes it to "…". */
  gtk_widget_set_size_request (name, cl_roster_columns_name_width (), -1);
  /* When the column gives way, the badge shrinks, not the name. */
  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (badge, "priority-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (alert, "warning");
  gtk_widget_set_tooltip_text (alert, _("A flagged or positive scale waits for the action taken"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (alert), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A flagged or positive scale waits for the action taken"), -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), alert);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  CLRosterRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *alert = gtk_widget_get_next_sibling (name);
  GtkWidget *badge = gtk_widget_get_next_sibling (alert);
  const char *priority = cl_roster_row_get_priority (row);

  gtk_label_set_label (GTK_LABEL (name), cl_roster_row_get_name (row));
  gtk_widget_set_visible (alert, cl_roster_row_get_needs_action (row));
  gtk_widget_set_visible (badge, priority && *priority);
  if (priority && *priority)
    {
      g_auto(GStrv) codes = g_strsplit (priority, ",", 2);
      g_autofree char *all = cl_patient_flags_describe (priority);

      /* The first flag on the badge, all of them in its tooltip. */
      gtk_label_set_label (GTK_LABEL (badge), cl_patient_priority_label (codes[0]));
      gtk_widget_set_tooltip_text (badge, all);
    }
}

static void
bind_age_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  CLRosterRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;
  gint age = cl_roster_row_get_age (row);

  if (age >= 0)
    /* Translators: age in years, in a narrow table column */
    text = g_strdup_printf (_("%d y"), age);
  set_cell_text (item, text);

  /* Advanced maternal age (≥ 35) is a risk factor the desk looks for. */
  if (age >= 35)
    gtk_widget_add_css_class (gtk_list_item_get_child (item), "warning");
  else
    gtk_widget_remove_css_class (gtk_list_item_get_child (item), "warning");
}

static void
bind_ga_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  g_autofree char *text = cl_roster_row_format_ga (gtk_list_item_get_item (item));
  set_cell_text (item, text);
  /* The column may be narrower than a postpartum day's words. */
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static void
bind_edd_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_autofree char *text = cl_roster_row_format_edd (gtk_list_item_get_item (item));
  set_cell_text (item, text);
}

static void
setup_risk_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *chip = gtk_label_new (NULL);
      /* Two chips share the room of one: the colour says the level,
       * the tooltip the words. */
      gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (chip, "risk-chip");
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), chip);
    }
  gtk_list_item_set_child (item, box);
}

static void
set_chip (GtkWidget         *chip,
          const ClRiskLevel *level,
          const char        *code)
{
  static const char * const classes[] = {
    "risk-green", "risk-yellow", "risk-orange", "risk-red", "risk-purple", "risk-none",
  };
  g_autofree char *class = g_strdup_printf ("risk-%s", level ? level->code : "none");

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (chip, classes[i]);
  gtk_widget_add_css_class (chip, class);
  gtk_label_set_label (GTK_LABEL (chip), level ? level->short_label : code);
}

static void
bind_risk_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CLRosterView             *view)
{
  CLRosterRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *chips[2] = { gtk_widget_get_first_child (box), NULL };
  const char *risk = cl_roster_row_get_risk (row);
  g_auto(GStrv) codes = g_strsplit (risk ? risk : "", "+", 2);
  ClRiskScale *scale = cl_store_get_risk_scale (cl_roster_view_get_store (view));

  chips[1] = gtk_widget_get_next_sibling (chips[0]);
  {
    g_autofree char *words = cl_risk_format (scale, risk ? risk : "");
    gtk_widget_set_tooltip_text (box, words);
  }
  for (guint i = 0; i < 2; i++)
    {
      gboolean show = codes[0] == NULL ? i == 0 : (i < g_strv_length (codes));

      gtk_widget_set_visible (chips[i], show);
      if (!show)
        continue;
      if (codes[0] == NULL || *codes[0] == '\0')
        set_chip (chips[i], NULL, C_("risk", "Not assessed"));
      else
        set_chip (chips[i], cl_risk_scale_lookup (scale, codes[i]), codes[i]);
    }
}

static void
bind_package_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  const char *package = cl_roster_row_get_package (gtk_list_item_get_item (item));

  set_cell_text (item, package);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), package);
}

static void
bind_manager_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  set_cell_text (item, cl_roster_row_get_case_manager (gtk_list_item_get_item (item)));
}

static void
bind_next_visit_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  gboolean overdue = FALSE;
  CLRosterRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = cl_roster_row_format_next_visit (row, &overdue);
  g_autofree char *tooltip = cl_roster_row_describe_next_visit (row);
  GtkWidget *label = gtk_list_item_get_child (item);

  set_cell_text (item, text);
  gtk_widget_set_tooltip_text (label, tooltip);
  if (overdue)
    gtk_widget_add_css_class (label, "overdue");
  else
    gtk_widget_remove_css_class (label, "overdue");
}

static void
bind_phone_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  set_cell_text (item, cl_roster_row_get_phone_masked (gtk_list_item_get_item (item)));
}

static void
set_column (GtkColumnViewColumn *column,
            GCallback            setup,
            GCallback            bind,
            ClRosterSort         sort_key,
            gpointer             user_data)
{
  g_autoptr(CLColumnSorter) sorter = NULL;

  cl_cells_set_factory (column, setup, bind, user_data);

  if ((int) sort_key >= 0)
    {
      sorter = cl_column_sorter_new (sort_key);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
}

void
cl_roster_cells_install (GtkColumnViewColumn **columns,
                         CLRosterView         *view)
{
  g_return_if_fail (columns != NULL);
  g_return_if_fail (CL_IS_ROSTER_VIEW (view));

  set_column (columns[CL_ROSTER_COLUMN_NAME], G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb), CL_ROSTER_SORT_NAME, NULL);
  set_column (columns[CL_ROSTER_COLUMN_AGE], G_CALLBACK (cl_cells_setup_numeric), G_CALLBACK (bind_age_cb), CL_ROSTER_SORT_AGE, NULL);
  set_column (columns[CL_ROSTER_COLUMN_GA], G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_ga_cb), CL_ROSTER_SORT_GA, NULL);
  set_column (columns[CL_ROSTER_COLUMN_EDD], G_CALLBACK (cl_cells_setup_numeric), G_CALLBACK (bind_edd_cb), CL_ROSTER_SORT_EDD, NULL);
  set_column (columns[CL_ROSTER_COLUMN_RISK], G_CALLBACK (setup_risk_cb), G_CALLBACK (bind_risk_cb), CL_ROSTER_SORT_RISK, view);
  set_column (columns[CL_ROSTER_COLUMN_PACKAGE], G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_package_cb), -1, NULL);
  set_column (columns[CL_ROSTER_COLUMN_MANAGER], G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_manager_cb), CL_ROSTER_SORT_MANAGER, NULL);
  set_column (columns[CL_ROSTER_COLUMN_NEXT_VISIT], G_CALLBACK (cl_cells_setup_text), G_CALLBACK (bind_next_visit_cb), CL_ROSTER_SORT_NEXT_VISIT, NULL);
  set_column (columns[CL_ROSTER_COLUMN_PHONE], G_CALLBACK (cl_cells_setup_numeric), G_CALLBACK (bind_phone_cb), -1, NULL);
}
