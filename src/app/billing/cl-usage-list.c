#define G_LOG_DOMAIN "cl-usage-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-handout-dialog.h"
#include "cl-package-usage.h"
#include "cl-store-usage.h"
#include "cl-usage-list.h"

struct _CLUsageList
{
  CLPatientSection     parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkListBox          *list;

  /* owned */
  CLEnrolment         *enrolment;   /* whose usage is shown, or NULL */
  char                *first_handout;
  GPtrArray           *titles;
  guint                n_over;
};

G_DEFINE_FINAL_TYPE (CLUsageList, cl_usage_list, CL_TYPE_PATIENT_SECTION)

static GtkWidget *
tag_new (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, style);
  return label;
}

/* Under a hand-out row: when she last had it, and why she had more
 * than her package includes, if she did (@handouts: the enrolment's,
 * the latest first). */
static char *
handout_subtitle (const CLServiceUsage *usage,
                  GPtrArray            *handouts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *reason = NULL;

  for (guint i = 0; i < handouts->len; i++)
    {
      CLHandout *handout = g_ptr_array_index (handouts, i);

      if (g_strcmp0 (cl_handout_get_service (handout), usage->service) != 0)
        continue;
      if (text->len == 0)
        {
          g_autofree char *day = cl_date_format_iso_display (cl_handout_get_date (handout));

          /* Translators: under "Nutrition breakfast 1 of 1 used": the day of the latest hand-out */
          g_string_printf (text, _("Last handed out on %s"), day);
        }
      if (reason == NULL && cl_package_usage_over_reason_of (CL_RECORD (handout)))
        reason = cl_package_usage_over_reason_of (CL_RECORD (handout));
    }
  if (reason)
    /* Translators: why she had more than her package includes */
    g_string_append_printf (text, _("\nOver the package: %s"), reason);
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static GtkWidget *
usage_row (CLUsageList          *self,
           const CLServiceUsage *usage,
           GPtrArray            *handouts)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (usage->kind == CL_USAGE_NOT_COUNTED)
    {
      /* Translators: a service included in her package that Careline
       * does not count, and its quantity: "Health butler × 1" */
      title = g_strdup_printf (_("%s × %u"), cl_service_usage_label (usage), usage->included);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Included; not counted"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  else
    title = cl_service_usage_format (usage);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_ptr_array_add (self->titles, g_strdup (title));

  if (usage->pending > 0)
    {
      /* Translators: beside "Escort 5 of 12 used": bookings still ahead */
      g_autofree char *ahead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more booked", "%u more booked",
                                                             usage->pending), usage->pending);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ahead);
    }
  if (cl_service_usage_is_over (usage))
    {
      /* Translators: a service used more times than her package includes */
      g_autofree char *over = g_strdup_printf (_("Over by %u"), usage->used - usage->included);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (over, "error"));
      gtk_widget_add_css_class (row, "usage-over");
      self->n_over++;
    }
  else if (usage->kind != CL_USAGE_NOT_COUNTED && usage->used == usage->included && usage->included > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (_("All used"), "dim-label"));

  if (usage->kind == CL_USAGE_HANDOUT)
    {
      g_autofree char *subtitle = handout_subtitle (usage, handouts);
      GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");
      /* Translators: the tooltip of a hand-out row's button, %s a service */
      g_autofree char *tooltip = g_strdup_printf (_("Record a hand-out of %s"), cl_service_usage_label (usage));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "usage.hand-out-service");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", usage->service);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      if (subtitle)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (self->first_handout == NULL)
        self->first_handout = g_strdup (usage->service);
    }
  return row;
}

void
cl_usage_list_reload (CLUsageList *self)
{
  CLContext *context = cl_patient_section_get_context (CL_PATIENT_SECTION (self));
  CLStore *store = cl_patient_section_get_store (CL_PATIENT_SECTION (self));
  const char *patient_id = cl_patient_section_get_patient_id (CL_PATIENT_SECTION (self));
  g_autoptr(GPtrArray) usages = NULL;
  g_autoptr(GPtrArray) handouts = NULL;
  GtkWidget *child;
  gboolean may_read, may_hand_out;

  g_return_if_fail (CL_IS_USAGE_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->titles, 0);
  g_clear_pointer (&self->first_handout, g_free);
  g_clear_object (&self->enrolment);
  self->n_over = 0;

  may_read = context && cl_context_may (context, CL_READ, "enrolment");
  if (store && patient_id && may_read)
    self->enrolment = cl_package_usage_find_enrolment (store, patient_id);
  gtk_widget_set_visible (GTK_WIDGET (self), self->enrolment != NULL);
  if (self->enrolment)
    {
      usages = cl_package_usage_of_enrolment (store, self->enrolment);
      handouts = cl_store_handouts_of_enrolment (store, cl_record_get_id (CL_RECORD (self->enrolment)));
      /* What is counted first, in the package's order; then what is
       * only included. */
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < usages->len; i++)
          {
            const CLServiceUsage *usage = g_ptr_array_index (usages, i);

            if ((usage->kind == CL_USAGE_NOT_COUNTED) == (pass == 1))
              gtk_list_box_append (self->list, usage_row (self, usage, handouts));
          }
    }
  may_hand_out = self->enrolment && self->first_handout &&
                 cl_context_may (context, CL_WRITE, "handout");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.hand-out", may_hand_out);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.hand-out-service", may_hand_out);
}

GStrv
cl_usage_list_dup_titles (CLUsageList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CL_IS_USAGE_LIST (self), NULL);

  for (guint i = 0; i < self->titles->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->titles, i));
  return g_strv_builder_end (builder);
}

guint
cl_usage_list_get_n_over (CLUsageList *self)
{
  g_return_val_if_fail (CL_IS_USAGE_LIST (self), 0);
  return self->n_over;
}

GtkWindow *
cl_usage_list_hand_out (CLUsageList *self,
                        const char  *service)
{
  CLHandoutDialog *dialog;

  g_return_val_if_fail (CL_IS_USAGE_LIST (self), NULL);

  if (self->enrolment == NULL)
    return NULL;
  dialog = cl_handout_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  cl_patient_section_get_context (CL_PATIENT_SECTION (self)),
                                  self->enrolment, service ? service : self->first_handout);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (cl_usage_list_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
hand_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  cl_usage_list_hand_out (CL_USAGE_LIST (widget), param ? g_variant_get_string (param, NULL) : NULL);
}

static void
cl_usage_list_dispose (GObject *object)
{
  CLUsageList *self = CL_USAGE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_USAGE_LIST);
  g_clear_object (&self->enrolment);
  G_OBJECT_CLASS (cl_usage_list_parent_class)->dispose (object);
}

static void
cl_usage_list_finalize (GObject *object)
{
  CLUsageList *self = CL_USAGE_LIST (object);

  g_free (self->first_handout);
  g_ptr_array_unref (self->titles);
  G_OBJECT_CLASS (cl_usage_list_parent_class)->finalize (object);
}

static void
cl_usage_list_class_init (CLUsageListClass *klass)
{
  static const char * const counted[] = {
    "handout", "escort_task", "vip_booking", "followup_item", "enrolment", "package", NULL,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CLPatientSectionClass *section_class = CL_PATIENT_SECTION_CLASS (klass);

  object_class->dispose = cl_usage_list_dispose;
  object_class->finalize = cl_usage_list_finalize;
  section_class->reload = (void (*) (CLPatientSection *)) cl_usage_list_reload;
  /* What the counts are made of, wherever it changed (a desk's own
   * save or a pulled change). */
  section_class->tables = counted;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/billing/cl-usage-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CLUsageList, group);
  gtk_widget_class_bind_template_child (widget_class, CLUsageList, list);
  gtk_widget_class_install_action (widget_class, "usage.hand-out", NULL, hand_out_action);
  gtk_widget_class_install_action (widget_class, "usage.hand-out-service", "s", hand_out_action);
}

static void
cl_usage_list_init (CLUsageList *self)
{
  self->titles = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.hand-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.hand-out-service", FALSE);
}
