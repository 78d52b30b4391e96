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
  char        *role;
};

G_DEFINE_FINAL_TYPE (CLDeductionDialog, cl_deduction_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_errors (CLDeductionDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    cl_form_message_set (self->errors[i], NULL);
  cl_form_message_set (self->form_error, NULL);
}

static void
row_changed_cb (GtkEditable       *row,
                GParamSpec        *pspec,
                CLDeductionDialog *self)
{
  /* Typing into a field with a message means it is being fixed. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (self->rows[i]) == row)
      cl_form_message_set (self->errors[i], NULL);
}

gboolean
cl_deduction_dialog_save (CLDeductionDialog *self)
{
  g_autoptr(CLDeduction) deduction = cl_deduction_new ();
  g_autoptr(GError) amount_error = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) error = NULL;
  const char *text[N_FIELDS];
  gint64 fen = 0;
  GDate date;

  g_return_val_if_fail (CL_IS_DEDUCTION_DIALOG (self), FALSE);

  clear_errors (self);
  for (guint i = 0; i < N_FIELDS; i++)
    text[i] = gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));

  /* The core's parsers say what is wrong with what was typed... */
  if (!cl_date_parse (text[F_DATE], &date, &date_error))
    cl_form_message_set (self->errors[F_DATE], date_error->message);
  if (!cl_money_parse (text[F_AMOUNT], &fen, &amount_error))
    cl_form_message_set (self->errors[F_AMOUNT], amount_error->message);
  if (date_error || amount_error)
    return FALSE;

  /* ...and its rules whether it may be saved. */
  {
    g_autofree char *iso = cl_date_to_iso (&date);
    cl_deduction_set_date (deduction, iso);
  }
  cl_deduction_set_amount_fen (deduction, fen);
  cl_deduction_set_reason (deduction, text[F_REASON]);
  cl_deduction_set_reference (deduction, *text[F_REFERENCE] ? text[F_REFERENCE] : NULL);
  if (!cl_enrolment_store_save_deduction (self->store, deduction, self->role, &error))
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

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
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
  g_free (self->role);
  G_OBJECT_CLASS (cl_deduction_dialog_parent_class)->finalize (object);
}

static void
cl_deduction_dialog_class_init (CLDeductionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cl_deduction_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_deduction_dialog_init (CLDeductionDialog *self)
{
  const char *titles[N_FIELDS] = {
    _("Date"), _("Amount (yuan)"), _("Reason"), _("Reference (inspection or complaint no.)"),
  };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *save = NULL;
  GtkWidget *header = cl_form_header_bar_new (_("_Save"), G_CALLBACK (save_clicked_cb), self, &save);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), _("Add Deduction"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);

  gtk_box_append (GTK_BOX (toolbar), header);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Deducted from the vendor’s fee of the month it is dated in."));
  /* Each message row sits right under its field, hidden until needed. */
  for (guint i = 0; i < N_FIELDS; i++)
    self->rows[i] = cl_form_entry_row_add (group, titles[i], G_CALLBACK (row_changed_cb), self, &self->errors[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_AMOUNT]), "numeric");

  self->form_error = GTK_LABEL (cl_form_message_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);

  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_box_append (GTK_BOX (body), group);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->form_error));
  gtk_box_append (GTK_BOX (toolbar), body);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
}

CLDeductionDialog *
cl_deduction_dialog_new (GtkWindow  *parent,
                         CLStore    *store,
                         const char *role,
                         const char *month)
{
  CLDeductionDialog *self;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  self = g_object_new (CL_TYPE_DEDUCTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->role = g_strdup (role);

  cl_date_today (&today);
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
  g_return_val_if_fail (CL_IS_DEDUCTION_DIALOG (self), NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field, field_names[i]) == 0)
      return GTK_EDITABLE (self->rows[i]);
  return NULL;
}

const char *
cl_deduction_dialog_get_error (CLDeductionDialog *self,
                               const char        *field)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (CL_IS_DEDUCTION_DIALOG (self), NULL);

  if (g_strcmp0 (field, "") == 0)
    label = self->form_error;
  for (guint i = 0; i < N_FIELDS && label == NULL; i++)
    if (g_strcmp0 (field, field_names[i]) == 0)
      label = self->errors[i];
  if (label == NULL || *gtk_label_get_label (label) == '\0')
    return NULL;
  return gtk_label_get_label (label);
}
