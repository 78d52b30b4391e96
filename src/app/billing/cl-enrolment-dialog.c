#define G_LOG_DOMAIN "cl-enrolment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-enrolment-dialog.h"
#include "cl-enrolment-store.h"
#include "cl-form-message.h"
#include "cl-money.h"
#include "cl-patient-store.h"
#include "cl-staff.h"

enum {
  F_PACKAGE, F_AGREEMENT, F_EXPLAINED, F_PAID_DATE, F_PAID, F_RECEIPT, F_OVERRIDE,
  F_CANCEL_DATE, F_REFUND,
  N_FIELDS
};

/* The core's column names, so its field errors land where they belong. */
static const char * const field_names[N_FIELDS] = {
  "package_id", "agreement_date", "explained_by", "paid_date", "paid_fen", "receipt_no",
  "override_reason", "cancel_date", "refund_fen",
};

struct _CLEnrolmentDialog
{
  AdwWindow parent_instance;

  GtkWidget   *rows[N_FIELDS];     /* NULL when not in this dialog */
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;
  GtkWidget   *group;
  GtkWidget   *save_button;

  CLStore     *store;
  CLContext   *context;
  char        *patient_id;
  CLEnrolment *enrolment;          /* the one being cancelled */
  CLEnrolment *live;               /* enrolling: hers already running, or NULL */
  GPtrArray   *packages;           /* CLPackage, as in the combo row */
  GPtrArray   *staff;              /* CLStaff, as in the combo row */
};

G_DEFINE_FINAL_TYPE (CLEnrolmentDialog, cl_enrolment_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
entry_text (CLEnrolmentDialog *self,
            guint              field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->rows[field]));
}

static CLPackage *
selected_package (CLEnrolmentDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[F_PACKAGE]));

  return self->packages && i < self->packages->len ? g_ptr_array_index (self->packages, i) : NULL;
}

/* Why @package needs an administrator's override on the agreement
 * date typed (today's if it is not a date yet), or NULL: the core's
 * rule, said before Save. */
static char *
package_problem (CLEnrolmentDialog *self,
                 CLPackage         *package)
{
  g_autofree char *problem = NULL;
  GDate agreement;

  if (!cl_date_parse (entry_text (self, F_AGREEMENT), &agreement, NULL))
    cl_context_get_today (self->context, &agreement);
  problem = cl_enrolment_store_window_problem (self->store, self->patient_id, package, &agreement);
  if (problem == NULL)
    return NULL;
  return g_strdup_printf (_("%s. An administrator may enrol her with a reason."), problem);
}

/* What the package row says before Save: that she is enrolled
 * already, or why the chosen package needs an override; and the
 * reason row, an administrator's only, appears when one is needed. */
static void
update_override (CLEnrolmentDialog *self)
{
  CLPackage *package = selected_package (self);
  g_autofree char *message = NULL;
  gboolean may_override = cl_enrolment_role_may_override (cl_context_get_role (self->context));
  gboolean outside = FALSE;

  if (self->live)
    {
      g_autofree char *already = cl_enrolment_store_already_enrolled (self->store, self->live);

      /* The administrator is told what to do here; anyone else what
       * would allow it. */
      message = may_override
        ? g_strdup_printf (_("%s. To enrol her again, give the reason below."), already)
        : g_strdup_printf (_("%s. Cancel that enrolment first; an administrator may enrol her again with a reason."),
                           already);
    }
  else if (package && (message = package_problem (self, package)))
    outside = TRUE;

  cl_form_message_set (self->errors[F_PACKAGE], message);
  gtk_widget_set_visible (self->rows[F_OVERRIDE], may_override && message != NULL);
  cl_form_row_set_required_title (self->rows[F_OVERRIDE],
                                  outside ? _("Reason to Enrol Outside the Window") : _("Reason to Enrol Again"));
}

static void
package_selected_cb (CLEnrolmentDialog *self)
{
  CLPackage *package = selected_package (self);
  g_autofree char *price = NULL;

  update_override (self);
  /* Patients pay the package's price unless the desk types otherwise. */
  if (package == NULL)
    return;
  price = cl_money_format (cl_package_get_price_fen (package));
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_PAID]), price);
}

/* Parses an ISO date typed into @field; FALSE with the message shown. */
static gboolean
parse_date_field (CLEnrolmentDialog *self,
                  guint              field,
                  char             **out_iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!cl_form_message_check (self->errors[field], cl_date_parse (entry_text (self, field), &date, &error), &error))
    return FALSE;
  *out_iso = cl_date_to_iso (&date);
  return TRUE;
}

static gboolean
parse_money_field (CLEnrolmentDialog *self,
                   guint              field,
                   gint64            *out_fen)
{
  g_autoptr(GError) error = NULL;

  return cl_form_message_check (self->errors[field], cl_money_parse (entry_text (self, field), out_fen, &error), &error);
}

static void
show_field_errors (CLEnrolmentDialog *self,
                   GHashTable        *field_errors,
                   const GError      *error)
{
  GtkLabel *shown[N_FIELDS];

  /* A rule about a field this dialog does not show goes under the
   * form. */
  for (guint i = 0; i < N_FIELDS; i++)
    shown[i] = self->rows[i] && gtk_widget_get_visible (self->rows[i]) ? self->errors[i] : NULL;
  if (cl_form_show_field_errors (field_errors, field_names, shown, N_FIELDS) == 0 && error)
    cl_form_message_set (self->form_error, error->message);
}

static gboolean
save_enrol (CLEnrolmentDialog *self)
{
  g_autoptr(CLEnrolment) enrolment = cl_enrolment_new ();
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *paid_date = NULL;
  CLPackage *package = selected_package (self);
  guint staff_i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[F_EXPLAINED]));
  gboolean ok = TRUE;
  gint64 paid = 0;

  ok &= parse_date_field (self, F_AGREEMENT, &agreement);
  ok &= parse_date_field (self, F_PAID_DATE, &paid_date);
  ok &= parse_money_field (self, F_PAID, &paid);
  if (!ok)
    return FALSE;

  cl_enrolment_set_patient_id (enrolment, self->patient_id);
  cl_enrolment_set_package_id (enrolment, package ? cl_record_get_id (CL_RECORD (package)) : NULL);
  cl_enrolment_set_agreement_date (enrolment, agreement);
  if (self->staff && staff_i < self->staff->len)
    cl_enrolment_set_explained_by (enrolment,
                                   cl_staff_get_display_name (g_ptr_array_index (self->staff, staff_i)));
  cl_enrolment_set_paid_date (enrolment, paid_date);
  cl_enrolment_set_paid_fen (enrolment, paid);
  {
    g_autofree char *receipt = g_strstrip (g_strdup (entry_text (self, F_RECEIPT)));
    cl_enrolment_set_receipt_no (enrolment, *receipt ? receipt : NULL);
  }
  cl_enrolment_set_status (enrolment, "active");
  if (gtk_widget_get_visible (self->rows[F_OVERRIDE]))
    {
      g_autofree char *reason = g_strstrip (g_strdup (entry_text (self, F_OVERRIDE)));
      cl_enrolment_set_override_reason (enrolment, *reason ? reason : NULL);
    }

  if (!cl_enrolment_store_save (self->store, enrolment, cl_context_get_role (self->context), &field_errors, &error))
    {
      show_field_errors (self, field_errors, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_cancel (CLEnrolmentDialog *self)
{
  g_autoptr(CLEnrolment) enrolment = CL_ENROLMENT (cl_record_dup (CL_RECORD (self->enrolment)));
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cancel_date = NULL;
  gboolean ok = TRUE;
  gint64 refund = 0;

  ok &= parse_date_field (self, F_CANCEL_DATE, &cancel_date);
  ok &= parse_money_field (self, F_REFUND, &refund);
  if (!ok)
    return FALSE;

  cl_enrolment_set_status (enrolment, "cancelled");
  cl_enrolment_set_cancel_date (enrolment, cancel_date);
  cl_enrolment_set_refund_fen (enrolment, refund);
  if (!cl_enrolment_store_save (self->store, enrolment, cl_context_get_role (self->context), &field_errors, &error))
    {
      show_field_errors (self, field_errors, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
cl_enrolment_dialog_save (CLEnrolmentDialog *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  if (!(self->enrolment ? save_cancel (self) : save_enrol (self)))
    return FALSE;

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return TRUE;
}

static void
save_clicked_cb (CLEnrolmentDialog *self)
{
  cl_enrolment_dialog_save (self);
}

static void
cl_enrolment_dialog_finalize (GObject *object)
{
  CLEnrolmentDialog *self = CL_ENROLMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->enrolment);
  g_clear_object (&self->live);
  g_clear_pointer (&self->packages, g_ptr_array_unref);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->patient_id);
  G_OBJECT_CLASS (cl_enrolment_dialog_parent_class)->finalize (object);
}

static void
cl_enrolment_dialog_class_init (CLEnrolmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_enrolment_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

/* Adds @row for @field with its message row right under it, hidden
 * until needed. */
static void
add_row (CLEnrolmentDialog *self,
         guint              field,
         GtkWidget         *row,
         const char        *title)
{
  self->rows[field] = row;
  self->errors[field] = cl_form_row_add (self->group, row, title);
}

static void
cl_enrolment_dialog_init (CLEnrolmentDialog *self)
{
  GtkWidget *groups[] = { adw_preferences_group_new (), NULL };

  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  self->group = groups[0];
  /* The form grows as messages appear under its fields. */
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), &self->save_button,
                                           CL_FORM_SCROLLED_NATURAL, 12, groups);
}

static char *
today_iso (CLContext *context)
{
  GDate today;

  cl_context_get_today (context, &today);
  return cl_date_to_iso (&today);
}

CLEnrolmentDialog *
cl_enrolment_dialog_new (GtkWindow  *parent,
                         CLContext  *context,
                         const char *patient_id)
{
  CLEnrolmentDialog *self;
  g_autoptr(GtkStringList) package_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) staff_names = gtk_string_list_new (NULL);
  g_autofree char *today = today_iso (context);
  GtkWidget *row;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (CL_TYPE_ENROLMENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->patient_id = g_strdup (patient_id);
  gtk_window_set_title (GTK_WINDOW (self), _("Enrol in Package"));
  /* Room for the form with a message or two under its fields. */
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 540);

  self->live = cl_enrolment_store_find_live (self->store, patient_id, NULL);
  self->packages = cl_enrolment_store_list_packages (self->store, FALSE);
  for (guint i = 0; i < self->packages->len; i++)
    {
      CLPackage *package = g_ptr_array_index (self->packages, i);
      g_autofree char *price = cl_money_format_display (cl_package_get_price_fen (package));
      g_autofree char *label = g_strdup_printf ("%s · %s", cl_package_get_display_name (package), price);

      gtk_string_list_append (package_names, label);
    }
  row = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (package_names));
  add_row (self, F_PACKAGE, row, _("Package"));

  add_row (self, F_AGREEMENT, adw_entry_row_new (), _("Agreement Signed On"));
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_AGREEMENT]), today);
  /* She is offered first the package she may be enrolled in today
   * without an override (the list is by price, the widest first). */
  for (guint i = 0; i < self->packages->len; i++)
    {
      g_autofree char *problem = package_problem (self, g_ptr_array_index (self->packages, i));

      if (problem == NULL)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          break;
        }
    }

  self->staff = cl_patient_store_list_staff (self->store, CL_ROLE_CASE_MANAGER);
  for (guint i = 0; i < self->staff->len; i++)
    gtk_string_list_append (staff_names, cl_staff_get_display_name (g_ptr_array_index (self->staff, i)));
  row = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (staff_names));
  add_row (self, F_EXPLAINED, row, _("Explained By"));

  add_row (self, F_PAID_DATE, adw_entry_row_new (), _("Paid On"));
  add_row (self, F_PAID, adw_entry_row_new (), _("Amount Paid (yuan)"));
  gtk_widget_add_css_class (self->rows[F_PAID], "numeric");
  add_row (self, F_RECEIPT, adw_entry_row_new (), _("Receipt / Invoice No."));
  /* Only an administrator may override the rules (outside the
   * package's window, or enrolled already), so only she is offered the
   * reason, and only when one is needed (update_override()). */
  add_row (self, F_OVERRIDE, adw_entry_row_new (), _("Reason to Enrol Again"));

  cl_form_row_set_required (self->rows[F_PACKAGE]);
  cl_form_row_set_required (self->rows[F_AGREEMENT]);
  cl_form_row_set_required (self->rows[F_EXPLAINED]);
  {
    g_autofree char *description = g_strdup_printf ("%s %s",
                                                    _("The patient signs the service agreement voluntarily, after it has been explained to her."),
                                                    cl_form_required_note ());
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);
  }

  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_PAID_DATE]), today);
  g_signal_connect_swapped (self->rows[F_PACKAGE], "notify::selected",
                            G_CALLBACK (package_selected_cb), self);
  g_signal_connect_swapped (self->rows[F_AGREEMENT], "changed",
                            G_CALLBACK (update_override), self);
  package_selected_cb (self);
  gtk_widget_grab_focus (self->rows[F_RECEIPT]);
  return self;
}

CLEnrolmentDialog *
cl_enrolment_dialog_new_cancel (GtkWindow   *parent,
                                CLContext   *context,
                                CLEnrolment *enrolment)
{
  CLEnrolmentDialog *self;
  g_autofree char *today = today_iso (context);
  g_autofree char *refund = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (CL_IS_ENROLMENT (enrolment), NULL);

  self = g_object_new (CL_TYPE_ENROLMENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->patient_id = g_strdup (cl_enrolment_get_patient_id (enrolment));
  self->enrolment = g_object_ref (enrolment);
  gtk_window_set_title (GTK_WINDOW (self), _("Cancel Enrolment"));
  /* Wide enough for the title beside the named action. */
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 340);
  /* A refund is money paid out: the button says what it does, in red,
   * and Enter does not press it. */
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("Cancel Enrolment and _Refund"));
  cl_form_dialog_make_destructive (GTK_WINDOW (self), self->save_button);
  {
    g_autofree char *description = g_strdup_printf ("%s %s",
                                                    _("The refund is booked in the settlement of the month it is dated in."),
                                                    cl_form_required_note ());
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);
  }

  add_row (self, F_CANCEL_DATE, adw_entry_row_new (), _("Cancelled On"));
  cl_form_row_set_required (self->rows[F_CANCEL_DATE]);
  add_row (self, F_REFUND, adw_entry_row_new (), _("Refund (yuan)"));
  gtk_widget_add_css_class (self->rows[F_REFUND], "numeric");

  refund = cl_money_format (cl_enrolment_get_paid_fen (enrolment));
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_CANCEL_DATE]), today);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_REFUND]), refund);
  gtk_widget_grab_focus (self->rows[F_REFUND]);
  return self;
}

GtkEditable *
cl_enrolment_dialog_get_entry (CLEnrolmentDialog *self,
                               const char        *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_ENROLMENT_DIALOG (self), NULL);

  if (i < 0 || self->rows[i] == NULL || !GTK_IS_EDITABLE (self->rows[i]))
    return NULL;
  return GTK_EDITABLE (self->rows[i]);
}

GtkWidget *
cl_enrolment_dialog_get_row (CLEnrolmentDialog *self,
                             const char        *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_ENROLMENT_DIALOG (self), NULL);
  return i < 0 ? NULL : self->rows[i];
}

GtkWidget *
cl_enrolment_dialog_get_save_button (CLEnrolmentDialog *self)
{
  g_return_val_if_fail (CL_IS_ENROLMENT_DIALOG (self), NULL);
  return self->save_button;
}

const char *
cl_enrolment_dialog_get_error (CLEnrolmentDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (CL_IS_ENROLMENT_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
