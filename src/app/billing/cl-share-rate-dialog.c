#define G_LOG_DOMAIN "cl-share-rate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-contract-store.h"
#include "cl-date.h"
#include "cl-enrolment-store.h"
#include "cl-form-message.h"
#include "cl-money.h"
#include "cl-share-rate-dialog.h"

enum { F_FROM, F_RATE, F_NOTE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "from", "rate", "note" };

struct _CLShareRateDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *history_group;
  GtkWidget           *new_group;
  GtkWidget           *save_button;
  AdwEntryRow         *rows[N_FIELDS];
  GtkLabel            *errors[N_FIELDS];
  GtkLabel            *form_error;

  CLStore             *store;
  CLContext           *context;
  char                *contract_id;
  gboolean             fixed_fee;  /* the contract is paid a monthly fee */
};

G_DEFINE_FINAL_TYPE (CLShareRateDialog, cl_share_rate_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
fill_history (CLShareRateDialog *self)
{
  g_autoptr(GPtrArray) rates = cl_contract_store_rate_history (self->store, self->contract_id);

  if (rates->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->fixed_fee ? _("No fee set yet") : _("No rate set yet"));
      adw_preferences_group_add (self->history_group, row);
      return;
    }
  for (guint i = 0; i < rates->len; i++)
    {
      CLShareRate *rate = g_ptr_array_index (rates, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = self->fixed_fee ? cl_money_format_display (cl_share_rate_get_fee_fen (rate))
                                              : cl_rate_format (cl_share_rate_get_rate_bp (rate));
      g_autofree char *date = cl_date_format_iso (cl_share_rate_get_effective_from (rate), CL_DATE_FULL, NULL);
      /* Translators: %s is a date */
      g_autofree char *from = g_strdup_printf (_("From %s"), date);
      GtkWidget *value = gtk_label_new (text);
      const char *note = cl_share_rate_get_note (rate);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), from);
      if (note && *note)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->history_group, row);
    }
}

gboolean
cl_share_rate_dialog_save (CLShareRateDialog *self)
{
  g_autoptr(CLShareRate) rate = cl_share_rate_new ();
  g_autoptr(GError) error = NULL;
  const char *text[N_FIELDS];
  gboolean parsed = TRUE;
  gint bp = 0;
  gint64 fee = 0;
  GDate from;

  g_return_val_if_fail (CL_IS_SHARE_RATE_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  for (guint i = 0; i < N_FIELDS; i++)
    text[i] = gtk_editable_get_text (GTK_EDITABLE (self->rows[i]));

  parsed &= cl_form_message_check (self->errors[F_FROM], cl_date_parse (text[F_FROM], &from, &error), &error);
  if (self->fixed_fee)
    parsed &= cl_form_message_check (self->errors[F_RATE], cl_money_parse (text[F_RATE], &fee, &error), &error);
  else
    parsed &= cl_form_message_check (self->errors[F_RATE], cl_rate_parse (text[F_RATE], &bp, &error), &error);
  if (!parsed)
    return FALSE;

  {
    g_autofree char *iso = cl_date_to_iso (&from);
    cl_share_rate_set_effective_from (rate, iso);
  }
  cl_share_rate_set_contract_id (rate, self->contract_id);
  cl_share_rate_set_rate_bp (rate, bp);
  cl_share_rate_set_fee_fen (rate, fee);
  if (*text[F_NOTE])
    cl_share_rate_set_note (rate, text[F_NOTE]);

  /* The core's rules, each at its field (a fee from a first day). */
  {
    static const char * const keys[N_FIELDS] = { "effective_from", "rate_bp", NULL };
    static const char * const fee_keys[N_FIELDS] = { "effective_from", "fee_fen", NULL };
    g_autoptr(GHashTable) field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    cl_enrolment_store_validate_rate (self->store, rate, field_errors);
    if (cl_form_show_field_errors (field_errors, self->fixed_fee ? fee_keys : keys, self->errors, N_FIELDS) > 0)
      return FALSE;
  }
  if (!cl_enrolment_store_save_rate (self->store, rate, cl_context_get_role (self->context), &error))
    {
      /* The rate itself parsed: what the core refuses now is the date
       * (a closed month) or the role. */
      cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], NULL);
  return TRUE;
}

static void
save_clicked_cb (CLShareRateDialog *self)
{
  cl_share_rate_dialog_save (self);
}

static void
cl_share_rate_dialog_finalize (GObject *object)
{
  CLShareRateDialog *self = CL_SHARE_RATE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_free (self->contract_id);
  G_OBJECT_CLASS (cl_share_rate_dialog_parent_class)->finalize (object);
}

static void
cl_share_rate_dialog_class_init (CLShareRateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_share_rate_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), FALSE);
}

static void
cl_share_rate_dialog_init (CLShareRateDialog *self)
{
  const char *titles[N_FIELDS] = { _("Effective from"), _("Rate (%)"), _("Note") };
  GtkWidget *history = adw_preferences_group_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *groups[] = { history, group, NULL };

  gtk_window_set_title (GTK_WINDOW (self), _("Share Rate"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 560);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history), _("Rate History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (history),
                                         _("Each payment is shared at the rate in force on its date. Rates are kept, never edited."));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Rate"));
  for (guint i = 0; i < N_FIELDS; i++)
    self->rows[i] = cl_form_entry_row_add (group, titles[i], &self->errors[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_RATE]), "numeric");
  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Add Rate"), G_CALLBACK (save_clicked_cb),
                                           &self->save_button, CL_FORM_SCROLLED, 18, groups);

  self->history_group = ADW_PREFERENCES_GROUP (history);
  self->new_group = group;
}

CLShareRateDialog *
cl_share_rate_dialog_new (GtkWindow  *parent,
                          CLContext  *context)
{
  return cl_share_rate_dialog_new_for_contract (parent, context, CL_CONTRACT_OBSTETRIC_ID);
}

/* Under a fixed monthly fee the same form takes the fee from a month. */
static void
set_fixed_fee (CLShareRateDialog *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->rows[F_RATE]), ADW_TYPE_PREFERENCES_GROUP);

  self->fixed_fee = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Monthly Fee"));
  adw_preferences_group_set_title (self->history_group, _("Fee History"));
  adw_preferences_group_set_description (self->history_group,
                                         _("Each month is paid the fee in force on its first day, less its deductions. Fees are kept, never edited."));
  if (group)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Fee"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[F_FROM]), _("From the first day of (YYYY-MM-01)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[F_RATE]), _("Monthly fee (yuan)"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add Fee"));
}

CLShareRateDialog *
cl_share_rate_dialog_new_for_contract (GtkWindow  *parent,
                                       CLContext  *context,
                                       const char *contract_id)
{
  CLShareRateDialog *self;
  g_autoptr(CLContract) contract = NULL;
  gboolean may;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_SHARE_RATE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->contract_id = g_strdup (contract_id);
  contract = cl_contract_store_load (self->store, contract_id);
  if (contract && cl_contract_is_fixed_fee (contract))
    set_fixed_fee (self);
  fill_history (self);

  /* Only finance (and admin) set the rate; others see the history. */
  may = cl_context_may (context, CL_WRITE, "share_rate");
  gtk_widget_set_visible (self->new_group, may);
  gtk_widget_set_visible (self->save_button, may);
  return self;
}

GtkEditable *
cl_share_rate_dialog_get_entry (CLShareRateDialog *self,
                                const char        *field)
{
  int i = cl_form_field_find (field_names, N_FIELDS, field);

  g_return_val_if_fail (CL_IS_SHARE_RATE_DIALOG (self), NULL);
  return i < 0 ? NULL : GTK_EDITABLE (self->rows[i]);
}

const char *
cl_share_rate_dialog_get_error (CLShareRateDialog *self,
                                const char        *field)
{
  g_return_val_if_fail (CL_IS_SHARE_RATE_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
