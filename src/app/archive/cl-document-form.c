/* cl-document-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-document-form"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-document-form.h"
#include "cl-document-store.h"
#include "cl-form-message.h"

enum { F_KIND, F_CHECK_DATE, F_VISIT, F_NOTE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "kind", "check_date", "visit", "note" };

struct _CLDocumentForm
{
  AdwPreferencesGroup parent_instance;

  /* widgets */
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwComboRow *visit_row;
  AdwEntryRow *note_row;
  GtkLabel    *errors[N_FIELDS];

  /* owned */
  char        *edd;
  char       **visit_keys;   /* index + 1 = combo position; 0 = none */
  gboolean     visit_chosen; /* by the person: no more suggestions */
  gboolean     suggesting;
};

G_DEFINE_FINAL_TYPE (CLDocumentForm, cl_document_form, ADW_TYPE_PREFERENCES_GROUP)

static guint
visit_position (CLDocumentForm *self,
                const char     *visit)
{
  for (guint i = 0; visit && self->visit_keys[i]; i++)
    if (g_str_equal (self->visit_keys[i], visit))
      return i + 1;
  return 0;
}

static void
set_visit (CLDocumentForm *self,
           const char     *visit)
{
  self->suggesting = TRUE;
  adw_combo_row_set_selected (self->visit_row, visit_position (self, visit));
  self->suggesting = FALSE;
}

static char *
suggested_visit (CLDocumentForm *self,
                 const char     *check_date)
{
  return cl_document_visit_for_date (self->edd, check_date);
}

static void
date_changed_cb (CLDocumentForm *self)
{
  g_autofree char *visit = NULL;

  cl_form_message_set (self->errors[F_CHECK_DATE], NULL);
  if (self->visit_chosen)
    return;
  visit = suggested_visit (self, gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  set_visit (self, visit);
}

static void
visit_changed_cb (CLDocumentForm *self)
{
  cl_form_message_set (self->errors[F_VISIT], NULL);
  if (!self->suggesting)
    self->visit_chosen = TRUE;
}

static void
field_changed_cb (CLDocumentForm *self)
{
  cl_form_message_set (self->errors[F_KIND], NULL);
  cl_form_message_set (self->errors[F_NOTE], NULL);
}

/* A field: its row, its message under it, @changed_cb when the person
 * changes it. */
static GtkWidget *
add_row (CLDocumentForm *self,
         GtkWidget      *row,
         const char     *title,
         guint           field,
         const char     *signal,
         GCallback       changed_cb)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  self->errors[field] = cl_form_message_attach (row);
  g_signal_connect_swapped (row, signal, changed_cb, self);
  return row;
}

static void
cl_document_form_finalize (GObject *object)
{
  CLDocumentForm *self = CL_DOCUMENT_FORM (object);

  g_free (self->edd);
  g_strfreev (self->visit_keys);

  G_OBJECT_CLASS (cl_document_form_parent_class)->finalize (object);
}

/* The form takes the focus at its first field. */
static gboolean
cl_document_form_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CL_DOCUMENT_FORM (widget)->kind_row));
}

static void
cl_document_form_class_init (CLDocumentFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_document_form_finalize;
  GTK_WIDGET_CLASS (klass)->grab_focus = cl_document_form_grab_focus;
}

static void
cl_document_form_init (CLDocumentForm *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) visits = gtk_string_list_new (NULL);
  const char * const *codes = cl_document_kind_codes ();

  self->visit_keys = cl_document_visit_keys ();

  for (guint i = 0; codes[i]; i++)
    gtk_string_list_append (kinds, cl_document_kind_label (codes[i]));
  self->kind_row = ADW_COMBO_ROW (add_row (self, adw_combo_row_new (), _("Kind"), F_KIND,
                                            "notify::selected", G_CALLBACK (field_changed_cb)));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->date_row = ADW_ENTRY_ROW (add_row (self, adw_entry_row_new (), _("Check date"), F_CHECK_DATE,
                                           "notify::text", G_CALLBACK (date_changed_cb)));

  gtk_string_list_append (visits, _("No visit"));
  for (guint i = 0; self->visit_keys[i]; i++)
    {
      g_autofree char *label = cl_document_visit_label (self->visit_keys[i]);
      gtk_string_list_append (visits, label);
    }
  self->visit_row = ADW_COMBO_ROW (add_row (self, adw_combo_row_new (), _("Visit"), F_VISIT,
                                             "notify::selected", G_CALLBACK (visit_changed_cb)));
  adw_combo_row_set_model (self->visit_row, G_LIST_MODEL (visits));
  /* A visit's name and weeks are longer than the row's value has room
   * for: shown under the title, whole. */
  adw_combo_row_set_use_subtitle (self->visit_row, TRUE);
  self->visit_chosen = FALSE;   /* setting the model was not the person's choice */
  self->note_row = ADW_ENTRY_ROW (add_row (self, adw_entry_row_new (), _("Note"), F_NOTE,
                                           "notify::text", G_CALLBACK (field_changed_cb)));
}

CLDocumentForm *
cl_document_form_new (const char *edd)
{
  CLDocumentForm *self = g_object_new (CL_TYPE_DOCUMENT_FORM, NULL);

  self->edd = g_strdup (edd);
  return self;
}

void
cl_document_form_set_document (CLDocumentForm *self,
                               CLDocument     *document)
{
  g_autofree char *suggested = NULL;
  const char *visit;

  g_return_if_fail (CL_IS_DOCUMENT_FORM (self));
  g_return_if_fail (CL_IS_DOCUMENT (document));

  visit = cl_document_get_visit (document);
  suggested = suggested_visit (self, cl_document_get_check_date (document));
  cl_document_form_set_kind (self, cl_document_get_kind (document));
  cl_document_form_set_check_date (self, cl_document_get_check_date (document));
  set_visit (self, visit);
  self->visit_chosen = g_strcmp0 (visit, suggested) != 0;
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         cl_document_get_note (document) ? cl_document_get_note (document) : "");
  cl_document_form_show_errors (self, NULL);
}

void
cl_document_form_set_check_date (CLDocumentForm *self,
                                 const char     *check_date)
{
  g_return_if_fail (CL_IS_DOCUMENT_FORM (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), check_date ? check_date : "");
}

void
cl_document_form_fill (CLDocumentForm *self,
                       CLDocument     *document)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);
  const char * const *kinds = cl_document_kind_codes ();
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  GDate parsed;

  g_return_if_fail (CL_IS_DOCUMENT_FORM (self));
  g_return_if_fail (CL_IS_DOCUMENT (document));

  cl_document_set_kind (document, kind < g_strv_length ((char **) kinds) ? kinds[kind] : NULL);
  /* Whatever the person's way of writing a date, the record gets ISO. */
  if (cl_date_parse (date, &parsed, NULL))
    {
      g_free (date);
      date = cl_date_to_iso (&parsed);
    }
  cl_document_set_check_date (document, *date ? date : NULL);
  cl_document_set_visit (document, cl_document_form_get_visit (self));
  cl_document_set_note (document, *note ? note : NULL);
}

void
cl_document_form_show_errors (CLDocumentForm *self,
                              GHashTable     *field_errors)
{
  g_return_if_fail (CL_IS_DOCUMENT_FORM (self));

  cl_form_messages_clear (self->errors, N_FIELDS, NULL);
  if (field_errors)
    cl_form_show_field_errors (field_errors, field_names, self->errors, N_FIELDS);
}

void
cl_document_form_set_kind (CLDocumentForm *self,
                           const char     *kind)
{
  const char * const *codes = cl_document_kind_codes ();

  g_return_if_fail (CL_IS_DOCUMENT_FORM (self));

  for (guint i = 0; codes[i]; i++)
    if (g_strcmp0 (codes[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

const char *
cl_document_form_get_visit (CLDocumentForm *self)
{
  guint visit;

  g_return_val_if_fail (CL_IS_DOCUMENT_FORM (self), NULL);

  visit = adw_combo_row_get_selected (self->visit_row);
  return visit > 0 && visit <= g_strv_length (self->visit_keys) ? self->visit_keys[visit - 1] : NULL;
}

GtkEditable *
cl_document_form_get_entry (CLDocumentForm *self,
                            const char     *field)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_FORM (self), NULL);

  if (g_strcmp0 (field, "check_date") == 0)
    return GTK_EDITABLE (self->date_row);
  if (g_strcmp0 (field, "note") == 0)
    return GTK_EDITABLE (self->note_row);
  return NULL;
}

const char *
cl_document_form_get_error (CLDocumentForm *self,
                            const char     *field)
{
  g_return_val_if_fail (CL_IS_DOCUMENT_FORM (self), NULL);
  return cl_form_message_lookup (field_names, self->errors, N_FIELDS, NULL, field);
}
