#define G_LOG_DOMAIN "cl-referrals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-appoint-store.h"
#include "cl-appointment-dialog.h"
#include "cl-date.h"
#include "cl-patient.h"
#include "cl-referral-dialog.h"
#include "cl-referrals-page.h"

struct _CLReferralsPage
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel       *title_label;
  GtkCheckButton *closed_check;
  GtkWidget      *new_button;
  GtkStack       *list_stack;
  GtkListBox     *list;

  /* owned */
  CLContext      *context;
  CLStore        *store;
  GPtrArray      *rows;      /* CLReferralRow shown */
  GPtrArray      *waiting;   /* char *, parallel to rows */
  guint           tick;
};

G_DEFINE_FINAL_TYPE (CLReferralsPage, cl_referrals_page, GTK_TYPE_WIDGET)

static void outcome_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, CLReferralsPage *self);
static void book_clicked_cb (GtkButton *button, CLReferralsPage *self);

static GtkWidget *
tag (const char *text,
     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
make_row (CLReferralsPage *self,
          CLReferralRow   *line,
          guint            index)
{
  CLReferral *referral = line->referral;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *received = cl_date_format_time (cl_referral_get_received_at (referral), CL_DATE_SHORT, NULL);
  g_autofree char *waiting = cl_referral_format_waiting (line->waiting);
  g_autofree char *waiting_text = NULL;
  GtkWidget *waiting_label;

  /* TRANSLATORS: her name — the referring hospital */
  title = g_strdup_printf (_("%s — %s"), line->patient_name, line->hospital_name);
  /* TRANSLATORS: reason · service asked for · when received */
  subtitle = g_strdup_printf (_("%s · %s · received %s"), cl_referral_get_reason (referral),
                              line->department_name, received);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (cl_referral_is_urgent (referral))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag (cl_referral_priority_label (CL_REFERRAL_URGENT), "error"));
  if (*line->flags)
    {
      g_auto(GStrv) codes = g_strsplit (line->flags, ",", 2);
      g_autofree char *all = cl_patient_flags_describe (line->flags);
      GtkWidget *badge = tag (cl_patient_priority_label (codes[0]), "priority-badge");

      gtk_widget_set_tooltip_text (badge, all);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
    }

  /* TRANSLATORS: how long she has waited, e.g. "Waiting 3 d 4 h" */
  waiting_text = g_strdup_printf (line->appointment ? _("Waited %s") : _("Waiting %s"), waiting);
  waiting_label = tag (waiting_text, "numeric");
  gtk_widget_set_size_request (waiting_label, 120, -1);
  gtk_label_set_xalign (GTK_LABEL (waiting_label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), waiting_label);
  g_ptr_array_add (self->waiting, g_steal_pointer (&waiting));

  if (line->appointment)
    {
      g_autofree char *day = cl_date_format_iso (cl_appointment_get_date (line->appointment), CL_DATE_SHORT, NULL);
      g_autofree char *text = g_strdup_printf ("%s %s", day,
                                               cl_appointment_slot_name (cl_appointment_get_slot (line->appointment)));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (text, "dim-label"));
    }
  else if (cl_referral_is_open (referral))
    {
      GtkWidget *book = gtk_button_new_with_label (_("Book…"));

      gtk_widget_set_valign (book, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (book), "index", GUINT_TO_POINTER (index));
      g_signal_connect (book, "clicked", G_CALLBACK (book_clicked_cb), self);
      gtk_widget_set_sensitive (book, cl_context_may (self->context, CL_WRITE, "appointment"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), book);
    }

  {
    g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
    const char * const *words = cl_referral_outcomes ();
    const char *outcome = cl_referral_get_outcome (referral);
    GtkWidget *dropdown;
    guint selected = 0;

    gtk_string_list_append (outcomes, cl_referral_outcome_label (NULL));
    for (guint i = 0; words[i]; i++)
      {
        gtk_string_list_append (outcomes, cl_referral_outcome_label (words[i]));
        if (g_strcmp0 (outcome, words[i]) == 0)
          selected = i + 1;
      }
    dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (outcomes)), NULL);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
    gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (dropdown, _("Outcome"));
    gtk_widget_set_sensitive (dropdown, cl_context_may (self->context, CL_WRITE, "referral"));
    g_object_set_data (G_OBJECT (dropdown), "index", GUINT_TO_POINTER (index));
    g_signal_connect (dropdown, "notify::selected", G_CALLBACK (outcome_selected_cb), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  }
  return row;
}

static void
reload (CLReferralsPage *self)
{
  gboolean all;
  GtkWidget *child;
  guint open = 0;
  g_autofree char *title = NULL;
  GDate today;

  if (self->store == NULL)
    return;
  all = gtk_check_button_get_active (self->closed_check);
  cl_context_get_today (self->context, &today);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = cl_appoint_store_referrals (self->store, !all, cl_context_get_now (self->context), &today);
  g_ptr_array_set_size (self->waiting, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->rows->len; i++)
    {
      CLReferralRow *line = g_ptr_array_index (self->rows, i);

      gtk_list_box_append (self->list, make_row (self, line, i));
      open += cl_referral_is_open (line->referral);
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open referral", "%u open referrals", open), open);
  gtk_label_set_label (self->title_label, title);
  gtk_stack_set_visible_child_name (self->list_stack, self->rows->len ? "list" : "empty");
  gtk_widget_set_sensitive (self->new_button, cl_context_may (self->context, CL_WRITE, "referral"));
}

gboolean
cl_referrals_page_set_outcome (CLReferralsPage *self,
                               guint            index,
                               const char      *outcome)
{
  g_autoptr(CLRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  CLReferralRow *line;

  g_return_val_if_fail (CL_IS_REFERRALS_PAGE (self), FALSE);
  g_return_val_if_fail (self->rows && index < self->rows->len, FALSE);

  line = g_ptr_array_index (self->rows, index);
  if (g_strcmp0 (cl_referral_get_outcome (line->referral) ? cl_referral_get_outcome (line->referral) : "",
                 outcome ? outcome : "") == 0)
    return TRUE;
  copy = cl_record_dup (CL_RECORD (line->referral));
  cl_referral_set_outcome (CL_REFERRAL (copy), outcome);
  if (!cl_appoint_store_save_referral (self->store, CL_REFERRAL (copy), cl_context_get_role (self->context),
                                       NULL, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      reload (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_outcome_idle (gpointer data)
{
  GtkDropDown *dropdown = data;
  CLReferralsPage *self = g_object_get_data (G_OBJECT (dropdown), "page");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self && gtk_widget_get_ancestor (GTK_WIDGET (dropdown), CL_TYPE_REFERRALS_PAGE) == GTK_WIDGET (self))
    cl_referrals_page_set_outcome (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index")),
                                   selected == 0 ? NULL : cl_referral_outcomes ()[selected - 1]);
  return G_SOURCE_REMOVE;
}

static void
outcome_selected_cb (GtkDropDown     *dropdown,
                     GParamSpec      *pspec,
                     CLReferralsPage *self)
{
  /* The save reloads the list, which removes this very dropdown: not
   * from inside its own signal. */
  g_object_set_data (G_OBJECT (dropdown), "page", self);
  g_idle_add_full (G_PRIORITY_DEFAULT, set_outcome_idle, g_object_ref (dropdown), g_object_unref);
}

GtkWindow *
cl_referrals_page_book (CLReferralsPage *self,
                        guint            index)
{
  CLReferralRow *line;
  g_autofree char *date = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_REFERRALS_PAGE (self), NULL);
  g_return_val_if_fail (self->rows && index < self->rows->len, NULL);

  line = g_ptr_array_index (self->rows, index);
  cl_context_get_today (self->context, &today);
  date = cl_date_to_iso (&today);
  return GTK_WINDOW (cl_appointment_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                                                date, cl_referral_get_department_id (line->referral), line->referral));
}

static void
book_clicked_cb (GtkButton       *button,
                 CLReferralsPage *self)
{
  gtk_window_present (cl_referrals_page_book (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"))));
}

static void
new_clicked_cb (CLReferralsPage *self)
{
  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (cl_referral_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                          self->context)));
}

/* Waiting times grow: read again every minute. */
static gboolean
tick_cb (gpointer data)
{
  reload (data);
  return G_SOURCE_CONTINUE;
}

static void
context_changed_cb (CLReferralsPage *self)
{
  CLStore *store = self->context ? cl_context_get_store (self->context) : NULL;

  if (store != self->store)
    {
      if (self->store)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store)
        {
          static const char * const tables[] = {
            "changed::referral", "changed::appointment", "changed::referring_hospital",
            "changed::department", "changed::patient",
          };

          for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
            g_signal_connect_object (store, tables[i], G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
        }
    }
  reload (self);
}

void
cl_referrals_page_set_context (CLReferralsPage *self,
                               CLContext       *context)
{
  g_return_if_fail (CL_IS_REFERRALS_PAGE (self));

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    {
      g_signal_connect_object (context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
    }
  context_changed_cb (self);
}

static void
cl_referrals_page_dispose (GObject *object)
{
  GtkWidget *child;
  CLReferralsPage *self = CL_REFERRALS_PAGE (object);

  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_REFERRALS_PAGE);
  /* The template's outer box has no id: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cl_referrals_page_parent_class)->dispose (object);
}

static void
cl_referrals_page_finalize (GObject *object)
{
  CLReferralsPage *self = CL_REFERRALS_PAGE (object);

  g_ptr_array_unref (self->waiting);
  G_OBJECT_CLASS (cl_referrals_page_parent_class)->finalize (object);
}

static void
cl_referrals_page_class_init (CLReferralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_referrals_page_dispose;
  object_class->finalize = cl_referrals_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/desk/cl-referrals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CLReferralsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CLReferralsPage, closed_check);
  gtk_widget_class_bind_template_child (widget_class, CLReferralsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CLReferralsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CLReferralsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_referrals_page_init (CLReferralsPage *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->closed_check, "notify::active", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  self->tick = g_timeout_add_seconds (60, tick_cb, self);
}

GPtrArray *
cl_referrals_page_get_rows (CLReferralsPage *self)
{
  g_return_val_if_fail (CL_IS_REFERRALS_PAGE (self), NULL);
  return self->rows;
}

const char *
cl_referrals_page_get_waiting (CLReferralsPage *self,
                               guint            index)
{
  g_return_val_if_fail (CL_IS_REFERRALS_PAGE (self), NULL);
  return index < self->waiting->len ? g_ptr_array_index (self->waiting, index) : NULL;
}
