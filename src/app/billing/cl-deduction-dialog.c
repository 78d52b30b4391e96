#define G_LOG_DOMAIN "cl-deduction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-deduction-dialog.h"
#include "cl-enrolment-store.h"
#include "cl-form-message.h"
#include "cl-money.h"

enum { F_DATE, F_AMOUNT, F_REASON, F_REFERENCE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "date", "amount", "reason", "reference" };

struct _CLDeductionDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *rows[N_FIELDS];
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;

  CLStore     *store;
  CLContext   *context;
  char        *contract_id;  /* NULL: the obstetric contract */
};

G_DEFINE_FINAL_TYPE (CLDeductionDialog, cl_deduction_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_deduction_dialog_save (CLDeductionDialog *self)
{
  g_autoptr(CLDeduction) deduction = cl_deduction_new ();
  g_autoptr(GError) error = NULL;
  const char *text[N_FIELDS];
  gboolean parsed = TRUE;
  gint64 fen = 0;
  GDate date;

  g_return_val_if_fail (CL_IS_DEDUCTION_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  for (guint i = 0; i < N_FIELDS; i++)
    text[i] = gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));

  /* The core's parsers say what is wrong with what was typed... */
  parsed &= cl_form_message_check (self->errors[F_DATE], cl_date_parse (text[F_DATE], &date, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_AMOUNT], cl_money_parse (text[F_AMOUNT], &fen, &error), &error);
  if (!parsed)
    return FALSE;

  /* ...and its rules whether it may be saved. */
  {
    g_autofree char *iso = cl_date_to_iso (&date);
    cl_deduction_set_date (deduction, iso);
  }
  if (self->contract_id)
    cl_deduction_set_contract_id (deduction, self->contract_id);
  cl_deduction_set_amount_fen (deduction, fen);
  cl_deduction_set_reason (deduction, text[F_REASON]);
  cl_deduction_set_reference (deduction, *text[F_REFERENCE] ? text[F_REFERENCE] : NULL);
  if (!cl_enrolment_store_save_deduction (self->store, deduction, cl_context_get_role (self->context), &error))
    {
      /* A missing reason is the only rule that belongs to one field
       * the parsers did not check. */
      g_autofree char *reason = g_strstrip (g_strdup (text[F_REASON]));

      if (*reason == '\0')
        cl_form_message_set (self->errors[F_REASON], error->message);
      else
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return TRUE;
}

static void
save_clicked_cb (CLDeductionDialog *self)
{
  cl_deduction_dialog_save (self);
}

static void
cl_deduction_dialog_finalize (GObject *object)
{
  CLDeductionDialog *self = CL_DEDUCTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_free (self->contract_id);
  G_OBJECT_CLASS (cl_deduction_dialog_parent_class)->finalize (object);
}

static void
cl_deduction_dialog_class_init (CLDeductionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_deduction_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

static void
cl_deduction_dialog_init (CLDeductionDialog *self)
{
  const char *titles[N_FIELDS] = {
    _("Date"), _("Amount (yuan)"), _("Reason"), _("Reference (inspection or complaint no.)"),
  };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { group, NULL };
  g_autofree char *description = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Add Deduction"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);

  description = g_strdup_printf ("%s %s", _("Deducted from the vendor’s fee of the month it is dated in."),
                                 cl_form_required_note ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  /* Each message row sits right under its field, hidden until needed. */
  for (guint i = 0; i < N_FIELDS; i++)
    self->rows[i] = cl_form_entry_row_add (group, titles[i], &self->errors[i]);
  /* The core's rules (cl_enrolment_store_validate_deduction()): all
   * but the reference. */
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_DATE]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_AMOUNT]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_REASON]));
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_AMOUNT]), "numeric");
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_FIXED, 12, groups);
}

CLDeductionDialog *
cl_deduction_dialog_new (GtkWindow  *parent,
                         CLContext  *context,
                         const char *month)
{
  CLDeductionDialog *self;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_DEDUCTION_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));

  cl_context_get_today (context, &today);
  today_iso = cl_date_to_iso (&today);
  if (month && !g_str_has_prefix (today_iso, month))
    {
      int year, mon;
      if (sscanf (month, "%4d-%2d", &year, &mon) == 2 && g_date_valid_dmy (1, mon, year))
        {
          GDate last;
          g_date_clear (&last, 1);
          g_date_set_dmy (&last, g_date_get_days_in_month (mon, year), mon, year);
          g_free (today_iso);
          today_iso = cl_date_to_iso (&last);
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_DATE]), today_iso);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[F_AMOUNT]));
  return self;
}

GtkEditable *
cl_deduction_dialog_get_entry (CLDeductionDialog *self,
                               const char        *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_DEDUCTION_DIALOG (self), NULL);
  return i < 0 ? NULL : GTK_EDITABLE (self->rows[i]);
}

const char *
cl_deduction_dialog_get_error (CLDeductionDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (CL_IS_DEDUCTION_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}

void
cl_deduction_dialog_set_contract (CLDeductionDialog *self,
                                  const char        *contract_id)
{
  g_return_if_fail (CL_IS_DEDUCTION_DIALOG (self));

  g_free (self->contract_id);
  self->contract_id = g_strdup (contract_id);
}
