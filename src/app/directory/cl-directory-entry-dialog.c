#define G_LOG_DOMAIN "cl-directory-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-directory-entry-dialog.h"
#include "cl-directory-store.h"
#include "cl-form-message.h"
#include "cl-money.h"
#include "cl-schedule-form.h"

#define MAX_FIELDS 8

typedef enum { TEXT, MONEY, LINES } FieldKind;

typedef struct
{
  const char *column;
  const char *title;     /* N_() */
  FieldKind   kind;
  gboolean    required;
} Field;

typedef struct
{
  GType      (*type) (void);
  const char  *new_title;
  const char  *edit_title;
  const char  *active_title;
  Field        fields[MAX_FIELDS];
} Kind;

static const Kind kinds[] = {
  { cl_department_get_type, N_("New Department"), N_("Edit Department"), N_("Open to patients"), {
      { "name", N_("Name (Chinese)"), TEXT, TRUE },
      { "name_en", N_("Name (English, optional)"), TEXT, FALSE },
      { "building", N_("Building"), TEXT, FALSE },
      { "floor", N_("Floor"), TEXT, FALSE },
      { "room", N_("Room"), TEXT, FALSE },
      { "phone", N_("Telephone"), TEXT, FALSE },
    } },
  { cl_service_price_get_type, N_("New Price"), N_("Edit Price"), N_("Charged now"), {
      { "code", N_("Code"), TEXT, FALSE },
      { "name", N_("Charged for"), TEXT, TRUE },
      { "category", N_("Category"), TEXT, FALSE },
      { "unit", N_("Unit (per visit, per day…)"), TEXT, FALSE },
      { "price_fen", N_("Price (yuan)"), MONEY, TRUE },
      { "note", N_("Note"), TEXT, FALSE },
    } },
  { cl_procedure_guide_get_type, N_("New Procedure"), N_("Edit Procedure"), N_("In use"), {
      { "title", N_("Title (Chinese)"), TEXT, TRUE },
      { "title_en", N_("Title (English, optional)"), TEXT, FALSE },
      { "audience", N_("For whom"), TEXT, FALSE },
      { "place", N_("Where"), TEXT, FALSE },
      { "steps", N_("Steps (Chinese), one a line"), LINES, TRUE },
      { "steps_en", N_("Steps (English, optional)"), LINES, FALSE },
    } },
};

struct _CLDirectoryEntryDialog
{
  AdwWindow    parent_instance;

  GtkWidget   *rows[MAX_FIELDS];     /* AdwEntryRow, or GtkTextView for LINES */
  GtkLabel    *errors[MAX_FIELDS];
  const char  *names[MAX_FIELDS];
  guint        n_fields;
  GtkSwitch   *active;
  GtkLabel    *form_error;

  const Kind  *kind;
  CLStore     *store;
  CLContext   *context;
  CLRecord    *record;   /* the one edited (a copy), or a new one */
};

G_DEFINE_FINAL_TYPE (CLDirectoryEntryDialog, cl_directory_entry_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The record's property of a column: '_' for '-'. */
static char *
property_of (const char *column)
{
  return g_strdelimit (g_strdup (column), "_", '-');
}

static char *
field_text (CLDirectoryEntryDialog *self,
            guint                   i)
{
  if (self->kind->fields[i].kind == LINES)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->rows[i]));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));
}

gboolean
cl_directory_entry_dialog_save (CLDirectoryEntryDialog *self)
{
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *role;
  gboolean ok;

  g_return_val_if_fail (CL_IS_DIRECTORY_ENTRY_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, self->n_fields, self->form_error);
  for (guint i = 0; i < self->n_fields; i++)
    {
      g_autofree char *text = field_text (self, i);
      g_autofree char *property = property_of (self->kind->fields[i].column);

      if (self->kind->fields[i].kind == MONEY)
        {
          gint64 fen = 0;

          if (!cl_form_message_check (self->errors[i], cl_money_parse (text, &fen, &error), &error))
            return FALSE;
          g_object_set (self->record, property, fen, NULL);
        }
      else
        g_object_set (self->record, property, *text ? text : NULL, NULL);
    }
  g_object_set (self->record, "active", gtk_switch_get_active (self->active), NULL);

  role = cl_context_get_role (self->context);
  if (CL_IS_DEPARTMENT (self->record))
    ok = cl_directory_store_save_department (self->store, CL_DEPARTMENT (self->record), role, &field_errors, &error);
  else if (CL_IS_SERVICE_PRICE (self->record))
    ok = cl_directory_store_save_price (self->store, CL_SERVICE_PRICE (self->record), role, &field_errors, &error);
  else
    ok = cl_directory_store_save_guide (self->store, CL_PROCEDURE_GUIDE (self->record), role, &field_errors, &error);
  if (!ok)
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, self->names, self->errors, self->n_fields) == 0)
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (self->record));
  return TRUE;
}

static void
save_clicked_cb (CLDirectoryEntryDialog *self)
{
  cl_directory_entry_dialog_save (self);
}

static void
cl_directory_entry_dialog_finalize (GObject *object)
{
  CLDirectoryEntryDialog *self = CL_DIRECTORY_ENTRY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_directory_entry_dialog_parent_class)->finalize (object);
}

static void
cl_directory_entry_dialog_class_init (CLDirectoryEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cl_directory_entry_dialog_finalize;

  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_directory_entry_dialog_init (CLDirectoryEntryDialog *self)
{
}

/* A text view with its title above and its message under it. */
static GtkWidget *
lines_field (GtkWidget  *group,
             const char *title,
             GtkLabel  **message)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  *message = GTK_LABEL (cl_form_message_new ());
  gtk_widget_set_visible (GTK_WIDGET (*message), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*message));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return view;
}

CLDirectoryEntryDialog *
cl_directory_entry_dialog_new (GtkWindow *parent,
                               CLContext *context,
                               GType      type,
                               CLRecord  *record)
{
  CLDirectoryEntryDialog *self;
  GtkWidget *groups[2] = { adw_preferences_group_new (), NULL };

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);

  self = g_object_new (CL_TYPE_DIRECTORY_ENTRY_DIALOG, "transient-for", parent, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].type () == type)
      self->kind = &kinds[i];
  g_return_val_if_fail (self->kind != NULL, self);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  self->record = record ? cl_record_dup (record) : cl_record_new (type);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]), cl_form_required_note ());
  for (guint i = 0; i < MAX_FIELDS && self->kind->fields[i].column; i++)
    {
      const Field *field = &self->kind->fields[i];
      g_autofree char *property = property_of (field->column);

      self->names[i] = field->column;
      self->n_fields = i + 1;
      if (field->kind == LINES)
        {
          g_autofree char *text = NULL;

          g_autofree char *title = field->required ? g_strconcat (_(field->title), " *", NULL)
                                                   : g_strdup (_(field->title));

          self->rows[i] = lines_field (groups[0], title, &self->errors[i]);
          g_object_get (self->record, property, &text, NULL);
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->rows[i])), text ? text : "", -1);
          continue;
        }
      self->rows[i] = GTK_WIDGET (cl_form_entry_row_add (groups[0], _(field->title), &self->errors[i]));
      if (field->required)
        cl_form_row_set_required (self->rows[i]);
      if (field->kind == MONEY)
        {
          gint64 fen = 0;
          g_autofree char *amount = NULL;

          g_object_get (self->record, property, &fen, NULL);
          amount = cl_money_format_plain (fen);
          gtk_widget_add_css_class (self->rows[i], "numeric");
          if (record)
            gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), amount);
        }
      else
        {
          g_autofree char *text = NULL;

          g_object_get (self->record, property, &text, NULL);
          gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), text ? text : "");
        }
    }
  self->active = cl_form_switch_row_add (groups[0], _(self->kind->active_title));
  {
    gboolean active = TRUE;

    g_object_get (self->record, "active", &active, NULL);
    gtk_switch_set_active (self->active, record ? active : TRUE);
  }
  self->form_error = cl_schedule_form_build_window (ADW_WINDOW (self),
                                                    record ? _(self->kind->edit_title) : _(self->kind->new_title),
                                                    _("_Save"), G_CALLBACK (save_clicked_cb), groups);
  gtk_widget_grab_focus (self->rows[0]);
  return self;
}

GtkWidget *
cl_directory_entry_dialog_get_field (CLDirectoryEntryDialog *self,
                                     const char             *field)
{
  int i;

  g_return_val_if_fail (CL_IS_DIRECTORY_ENTRY_DIALOG (self), NULL);

  if (g_strcmp0 (field, "active") == 0)
    return GTK_WIDGET (self->active);
  i = cl_form_field_find (self->names, self->n_fields, field);
  return i < 0 ? NULL : self->rows[i];
}

const char *
cl_directory_entry_dialog_get_error (CLDirectoryEntryDialog *self,
                                     const char             *field)
{
  g_return_val_if_fail (CL_IS_DIRECTORY_ENTRY_DIALOG (self), NULL);

  return cl_form_message_lookup (self->names, self->errors, self->n_fields, self->form_error, field);
}
