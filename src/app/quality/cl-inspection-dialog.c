#define G_LOG_DOMAIN "cl-inspection-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-form-message.h"
#include "cl-inspection-dialog.h"
#include "cl-inspection-store.h"
#include "cl-store-staff.h"

#define N_ITEMS 4

/* The days a rectification is given unless changed. */
#define DEFAULT_DAYS 7

enum {
  F_DATE, F_INSPECTOR, F_POST, F_ITEMS, F_FINDINGS, F_POOR, F_TASK, F_DEADLINE, N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  "date", "inspector_id", "post", "items", "findings", "poor_cooperation", "task", "deadline",
};

struct _CLInspectionDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *date_row;
  AdwComboRow *inspector_row;
  AdwEntryRow *post_row;
  GtkSwitch   *items[N_ITEMS];
  AdwEntryRow *findings_row;
  GtkSwitch   *poor_switch;
  GtkWidget   *rectify_group;
  AdwEntryRow *task_row;
  AdwEntryRow *deadline_row;
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLContext   *context;
  GPtrArray   *staff;
  /* The inspection being corrected and its rectification, or NULL for
   * a new one. */
  CLInspection    *editing;
  CLRectification *editing_rectification;
};

G_DEFINE_FINAL_TYPE (CLInspectionDialog, cl_inspection_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
cl_inspection_dialog_save (CLInspectionDialog *self)
{
  /* A correction keeps the record (its id and rev), so the rules see
   * the same inspection changed, not a second one. */
  g_autoptr(CLInspection) inspection = self->editing ? CL_INSPECTION (cl_record_dup (CL_RECORD (self->editing)))
                                                     : cl_inspection_new ();
  g_autoptr(CLRectification) rectification = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL, *post = NULL, *findings = NULL;
  gboolean passed[N_ITEMS];
  guint chosen;
  GDate parsed;

  g_return_val_if_fail (CL_IS_INSPECTION_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  /* A date typed the forgiving way is stored the ISO way. */
  date = stripped (self->date_row);
  if (cl_date_parse (date, &parsed, NULL))
    {
      g_free (date);
      date = cl_date_to_iso (&parsed);
    }
  post = stripped (self->post_row);
  findings = stripped (self->findings_row);
  for (guint i = 0; i < N_ITEMS; i++)
    passed[i] = gtk_switch_get_active (self->items[i]);
  cl_inspection_set_date (inspection, date);
  chosen = adw_combo_row_get_selected (self->inspector_row);
  if (self->staff && chosen < self->staff->len)
    cl_inspection_set_inspector_id (inspection, cl_record_get_id (g_ptr_array_index (self->staff, chosen)));
  cl_inspection_set_post (inspection, post);
  cl_inspection_set_results (inspection, passed);
  cl_inspection_set_findings (inspection, findings);
  cl_inspection_set_poor_cooperation (inspection, gtk_switch_get_active (self->poor_switch));
  if (cl_inspection_is_failed (inspection))
    {
      g_autofree char *task = stripped (self->task_row);
      g_autofree char *deadline = stripped (self->deadline_row);

      if (cl_date_parse (deadline, &parsed, NULL))
        {
          g_free (deadline);
          deadline = cl_date_to_iso (&parsed);
        }
      rectification = self->editing_rectification
                      ? CL_RECTIFICATION (cl_record_dup (CL_RECORD (self->editing_rectification)))
                      : cl_rectification_new ();
      cl_rectification_set_task (rectification, task);
      cl_rectification_set_deadline (rectification, deadline);
    }
  if (!cl_inspection_store_save (cl_context_get_store (self->context), inspection, rectification,
                                 cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (inspection)));
  return TRUE;
}

static void
save_clicked_cb (CLInspectionDialog *self)
{
  cl_inspection_dialog_save (self);
}

/* The rectification and poor cooperation are a failure's: shown once
 * an item is switched to failed. */
static void
items_changed_cb (CLInspectionDialog *self)
{
  gboolean failed = FALSE;

  for (guint i = 0; i < N_ITEMS; i++)
    failed |= !gtk_switch_get_active (self->items[i]);
  gtk_widget_set_visible (self->rectify_group, failed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->poor_switch), failed);
  if (!failed)
    gtk_switch_set_active (self->poor_switch, FALSE);
}

static void
cl_inspection_dialog_finalize (GObject *object)
{
  CLInspectionDialog *self = CL_INSPECTION_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_object (&self->editing);
  g_clear_object (&self->editing_rectification);
  G_OBJECT_CLASS (cl_inspection_dialog_parent_class)->finalize (object);
}

static void
cl_inspection_dialog_class_init (CLInspectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_inspection_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_inspection_dialog_init (CLInspectionDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *items = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, items, NULL, NULL };
  const char * const *codes = cl_inspection_item_codes ();
  GtkWidget *row;

  gtk_window_set_title (GTK_WINDOW (self), _("New Inspection"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  self->date_row = cl_form_entry_row_add (group, _("Date (YYYY-MM-DD)"), &self->errors[F_DATE]);
  cl_form_row_set_required (GTK_WIDGET (self->date_row));
  row = adw_combo_row_new ();
  self->errors[F_INSPECTOR] = cl_form_row_add (group, row, _("Inspector"));
  cl_form_row_set_required (row);
  self->inspector_row = ADW_COMBO_ROW (row);
  self->post_row = cl_form_entry_row_add (group, _("Post"), &self->errors[F_POST]);
  cl_form_row_set_required (GTK_WIDGET (self->post_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (items), _("Items Checked"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (items), _("Switched on: passed. Switched off: failed."));
  for (guint i = 0; i < N_ITEMS; i++)
    {
      self->items[i] = cl_form_switch_row_add (items, cl_inspection_item_label (codes[i]));
      gtk_switch_set_active (self->items[i], TRUE);
      g_signal_connect_object (self->items[i], "notify::active", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  self->errors[F_ITEMS] = cl_form_message_attach (gtk_widget_get_ancestor (GTK_WIDGET (self->items[N_ITEMS - 1]),
                                                                           ADW_TYPE_ACTION_ROW));
  self->findings_row = cl_form_entry_row_add (items, _("Findings"), &self->errors[F_FINDINGS]);
  self->poor_switch = cl_form_switch_row_add (items, _("Failure caused by poor cooperation"));
  self->errors[F_POOR] = cl_form_message_attach (gtk_widget_get_ancestor (GTK_WIDGET (self->poor_switch),
                                                                          ADW_TYPE_ACTION_ROW));

  self->rectify_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->rectify_group), _("Rectification"));
  self->task_row = cl_form_entry_row_add (self->rectify_group, _("What is to be put right"), &self->errors[F_TASK]);
  cl_form_row_set_required (GTK_WIDGET (self->task_row));
  self->deadline_row = cl_form_entry_row_add (self->rectify_group, _("Deadline (YYYY-MM-DD)"),
                                              &self->errors[F_DEADLINE]);
  cl_form_row_set_required (GTK_WIDGET (self->deadline_row));
  groups[2] = self->rectify_group;
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save Inspection"), G_CALLBACK (save_clicked_cb),
                                           NULL, CL_FORM_SCROLLED, 12, groups);
  items_changed_cb (self);
}

CLInspectionDialog *
cl_inspection_dialog_new (GtkWindow *parent,
                          CLContext *context)
{
  CLInspectionDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *me = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *deadline_iso = NULL;
  CLStore *store;
  GDate today;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_INSPECTION_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  store = cl_context_get_store (context);
  self->staff = store ? cl_store_staff_list_active (store, NULL) : g_ptr_array_new_with_free_func (g_object_unref);
  me = store ? cl_store_staff_find_username (store, cl_context_get_username (context)) : NULL;
  for (guint i = 0; i < self->staff->len; i++)
    {
      CLStaff *staff = g_ptr_array_index (self->staff, i);

      gtk_string_list_append (names, cl_staff_get_display_name (staff));
      if (me && g_str_equal (me, cl_record_get_id (CL_RECORD (staff))))
        {
          adw_combo_row_set_model (self->inspector_row, G_LIST_MODEL (names));
          adw_combo_row_set_selected (self->inspector_row, i);
        }
    }
  if (adw_combo_row_get_model (self->inspector_row) == NULL)
    adw_combo_row_set_model (self->inspector_row, G_LIST_MODEL (names));
  cl_context_get_today (context, &today);
  today_iso = cl_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_iso);
  g_date_add_days (&today, DEFAULT_DAYS);
  deadline_iso = cl_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline_iso);
  gtk_widget_grab_focus (GTK_WIDGET (self->post_row));
  return self;
}

CLInspectionDialog *
cl_inspection_dialog_new_correction (GtkWindow       *parent,
                                     CLContext       *context,
                                     CLInspection    *inspection,
                                     CLRectification *rectification)
{
  CLInspectionDialog *self;
  const char * const *codes = cl_inspection_item_codes ();

  g_return_val_if_fail (CL_IS_INSPECTION (inspection), NULL);

  self = cl_inspection_dialog_new (parent, context);
  self->editing = g_object_ref (inspection);
  if (rectification)
    self->editing_rectification = g_object_ref (rectification);
  gtk_window_set_title (GTK_WINDOW (self), _("Correct Inspection"));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), cl_inspection_get_date (inspection) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->post_row), cl_inspection_get_post (inspection) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->findings_row), cl_inspection_get_findings (inspection) ?: "");
  for (guint i = 0; self->staff && i < self->staff->len; i++)
    if (g_strcmp0 (cl_record_get_id (g_ptr_array_index (self->staff, i)),
                   cl_inspection_get_inspector_id (inspection)) == 0)
      adw_combo_row_set_selected (self->inspector_row, i);
  for (guint i = 0; i < N_ITEMS; i++)
    gtk_switch_set_active (self->items[i], cl_inspection_item_passed (inspection, codes[i]));
  gtk_switch_set_active (self->poor_switch, cl_inspection_get_poor_cooperation (inspection));
  if (rectification)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->task_row), cl_rectification_get_task (rectification) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), cl_rectification_get_deadline (rectification) ?: "");
    }
  return self;
}

GtkWidget *
cl_inspection_dialog_get_field (CLInspectionDialog *self,
                                const char         *field)
{
  GtkWidget *fields[N_FIELDS] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->inspector_row), GTK_WIDGET (self->post_row), NULL,
    GTK_WIDGET (self->findings_row), GTK_WIDGET (self->poor_switch), GTK_WIDGET (self->task_row),
    GTK_WIDGET (self->deadline_row),
  };
  const char * const *codes = cl_inspection_item_codes ();
  int i;

  g_return_val_if_fail (CL_IS_INSPECTION_DIALOG (self), NULL);

  for (guint j = 0; j < N_ITEMS; j++)
    if (g_strcmp0 (field, codes[j]) == 0)
      return GTK_WIDGET (self->items[j]);
  i = cl_form_field_find (field_names, N_FIELDS, field);
  return i < 0 ? NULL : fields[i];
}

const char *
cl_inspection_dialog_get_error (CLInspectionDialog *self,
                                const char         *field)
{
  g_return_val_if_fail (CL_IS_INSPECTION_DIALOG (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
