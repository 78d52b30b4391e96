#define G_LOG_DOMAIN "cl-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-event-dialog.h"
#include "cl-event-store.h"
#include "cl-form-message.h"
#include "cl-schedule-form.h"
#include "cl-validation.h"

enum { F_TITLE, F_KIND, F_DATE, F_STARTS, F_ENDS, F_PLACE, F_LINK, F_CAPACITY, N_FIELDS };

static const char * const field_names[N_FIELDS] = {
  "title", "kind", "date", "starts", "ends", "place", "link", "capacity",
};

struct _CLEventDialog
{
  AdwWindow      parent_instance;

  AdwEntryRow   *rows[N_FIELDS];   /* F_KIND's is NULL */
  AdwComboRow   *kind;
  GtkLabel      *errors[N_FIELDS];
  GtkLabel      *form_error;

  CLStore       *store;
  CLContext     *context;
  CLHealthEvent *event;   /* the one edited, or NULL */
};

G_DEFINE_FINAL_TYPE (CLEventDialog, cl_event_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
cl_event_dialog_save (CLEventDialog *self)
{
  g_autoptr(CLHealthEvent) event = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  g_autofree char *link = NULL;
  gboolean parsed = TRUE;
  int starts = 0, ends = 0, capacity = 0;
  GDate day;

  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  date_text = cl_schedule_form_text (self->rows[F_DATE]);
  g_date_clear (&day, 1);
  parsed &= cl_form_message_check (self->errors[F_DATE], cl_date_parse (date_text, &day, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_STARTS],
                                   cl_schedule_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_STARTS])),
                                                                &starts, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_ENDS],
                                   cl_schedule_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_ENDS])),
                                                                &ends, &error), &error);
  parsed &= cl_form_message_check (self->errors[F_CAPACITY],
                                   cl_validation_parse_int (gtk_editable_get_text (GTK_EDITABLE (self->rows[F_CAPACITY])),
                                                            1, CL_HEALTH_EVENT_MAX_CAPACITY, &capacity, &error), &error);
  if (!parsed)
    return FALSE;

  event = self->event ? CL_HEALTH_EVENT (cl_record_dup (CL_RECORD (self->event))) : cl_health_event_new ();
  title = cl_schedule_form_text (self->rows[F_TITLE]);
  place = cl_schedule_form_text (self->rows[F_PLACE]);
  link = cl_schedule_form_text (self->rows[F_LINK]);
  date = cl_date_to_iso (&day);
  cl_health_event_set_title (event, title);
  cl_health_event_set_kind (event, cl_schedule_form_combo_get (self->kind));
  cl_health_event_set_date (event, date);
  cl_health_event_set_starts (event, starts);
  cl_health_event_set_ends (event, ends);
  cl_health_event_set_place (event, place);
  cl_health_event_set_link (event, link);
  cl_health_event_set_capacity (event, capacity);
  if (!cl_event_store_save_event (self->store, event, cl_context_get_role (self->context), &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }

  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (event)));
  return TRUE;
}

static void
save_clicked_cb (CLEventDialog *self)
{
  cl_event_dialog_save (self);
}

static void
cl_event_dialog_finalize (GObject *object)
{
  CLEventDialog *self = CL_EVENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->event);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_event_dialog_parent_class)->finalize (object);
}

static void
cl_event_dialog_class_init (CLEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_event_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_event_dialog_init (CLEventDialog *self)
{
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

CLEventDialog *
cl_event_dialog_new (GtkWindow     *parent,
                     CLContext     *context,
                     CLHealthEvent *event)
{
  const char *titles[N_FIELDS] = {
    _("Title"), NULL, _("Date"), C_("event", "Starts"), C_("event", "Ends"), _("Place"), _("Link (for a live stream)"),
    _("Capacity"),
  };
  CLEventDialog *self;
  GtkWidget *groups[2] = { adw_preferences_group_new (), NULL };
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_EVENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->event = event ? g_object_ref (event) : NULL;
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);

  description = g_strdup_printf ("%s %s", _("Dates as YYYY-MM-DD, times as HH:MM. A place or a link is needed."),
                                 cl_form_required_note ());
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]), description);
  for (guint i = 0; i < N_FIELDS; i++)
    if (i == F_KIND)
      self->kind = cl_schedule_form_combo (ADW_PREFERENCES_GROUP (groups[0]), _("Kind"), cl_health_event_kinds (), NULL,
                                           cl_health_event_kind_label, NULL, &self->errors[F_KIND]);
    else
      self->rows[i] = cl_form_entry_row_add (groups[0], titles[i], &self->errors[i]);
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_TITLE]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_DATE]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_STARTS]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_ENDS]));
  cl_form_row_set_required (GTK_WIDGET (self->rows[F_CAPACITY]));
  gtk_widget_add_css_class (GTK_WIDGET (self->rows[F_CAPACITY]), "numeric");
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self), event ? _("Edit Event") : _("New Event"),
                                                    _("_Save"), G_CALLBACK (save_clicked_cb), groups);

  if (event)
    {
      cl_schedule_form_combo_set (self->kind, cl_health_event_get_kind (event));
      set_text (self->rows[F_TITLE], cl_health_event_get_title (event));
      set_text (self->rows[F_DATE], cl_health_event_get_date (event));
      set_text (self->rows[F_PLACE], cl_health_event_get_place (event));
      set_text (self->rows[F_LINK], cl_health_event_get_link (event));
    }
  /* A new event: an afternoon lecture of an hour and a half, as most. */
  starts = cl_health_event_format_minutes (event ? cl_health_event_get_starts (event) : 14 * 60);
  ends = cl_health_event_format_minutes (event ? cl_health_event_get_ends (event) : 15 * 60 + 30);
  capacity = event ? g_strdup_printf ("%d", cl_health_event_get_capacity (event)) : g_strdup ("");
  set_text (self->rows[F_STARTS], starts);
  set_text (self->rows[F_ENDS], ends);
  set_text (self->rows[F_CAPACITY], capacity);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[F_TITLE]));
  return self;
}

GtkWidget *
cl_event_dialog_get_field (CLEventDialog *self,
                           const char    *field)
{
  int i;

  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), NULL);

  i = cl_form_field_find (field_names, N_FIELDS, field);
  if (i == F_KIND)
    return GTK_WIDGET (self->kind);
  return i < 0 ? NULL : GTK_WIDGET (self->rows[i]);
}

const char *
cl_event_dialog_get_error (CLEventDialog *self,
                           const char    *field)
{
  g_return_val_if_fail (CL_IS_EVENT_DIALOG (self), NULL);

  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, self->form_error, field);
}
