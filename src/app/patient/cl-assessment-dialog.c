#define G_LOG_DOMAIN "cl-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-assessment-dialog.h"
#include "cl-desk-store.h"
#include "cl-form-message.h"
#include "cl-nursing-store.h"
#include "cl-store-nursing.h"
#include "cl-util.h"

/* The coded lists, each a row of check buttons with its message. */
enum { L_DRUG, L_FOOD, L_RISK, N_LISTS };
static const char * const list_columns[N_LISTS] = { "drug_allergies", "food_allergies", "risks" };

/* The free-text rows. */
enum { T_DRUG_NOTE, T_FOOD_NOTE, T_RISK_NOTE, T_MEDICAL, T_SURGICAL, T_SOCIAL, T_PSYCHOLOGICAL, N_TEXTS };
static const char * const text_columns[N_TEXTS] = {
  "drug_allergy_note", "food_allergy_note", "risk_note", "medical_history", "surgical_history",
  "social", "psychological",
};

/* Every column a message may be at: the lists', then the texts'. */
#define N_FIELDS (N_LISTS + N_TEXTS)

struct _CLAssessmentDialog
{
  AdwWindow    parent_instance;

  GPtrArray   *checks[N_LISTS];     /* GtkCheckButton, "cl-word" data */
  AdwEntryRow *texts[N_TEXTS];
  GtkLabel    *errors[N_FIELDS];
  GtkLabel    *form_error;
  gboolean     syncing;

  CLContext   *context;
  CLStore     *store;
  CLNursingAssessment *draft;       /* the version to be, from her latest */
};

G_DEFINE_FINAL_TYPE (CLAssessmentDialog, cl_assessment_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *field_names[N_FIELDS];

static const char * const *
all_field_names (void)
{
  if (field_names[0] == NULL)
    {
      for (guint i = 0; i < N_LISTS; i++)
        field_names[i] = list_columns[i];
      for (guint i = 0; i < N_TEXTS; i++)
        field_names[N_LISTS + i] = text_columns[i];
    }
  return field_names;
}

/* The words ticked in @list, comma separated. */
static char *
checked_words (CLAssessmentDialog *self,
               guint               list)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < self->checks[list]->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks[list], i);

      if (gtk_check_button_get_active (check))
        g_string_append_printf (words, "%s%s", words->len ? "," : "",
                                (const char *) g_object_get_data (G_OBJECT (check), "cl-word"));
    }
  return g_strdup (words->str);
}

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
cl_assessment_dialog_save (CLAssessmentDialog *self)
{
  g_autoptr(CLNursingAssessment) version = NULL;
  g_autoptr(GHashTable) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor_id = NULL;
  g_autofree char *texts[N_TEXTS] = { NULL, };
  g_autofree char *drugs = checked_words (self, L_DRUG);
  g_autofree char *foods = checked_words (self, L_FOOD);
  g_autofree char *risks = checked_words (self, L_RISK);

  g_return_val_if_fail (CL_IS_ASSESSMENT_DIALOG (self), FALSE);

  cl_form_messages_clear (self->errors, N_FIELDS, self->form_error);
  for (guint i = 0; i < N_TEXTS; i++)
    texts[i] = entry_text (self->texts[i]);

  version = CL_NURSING_ASSESSMENT (cl_record_dup (CL_RECORD (self->draft)));
  cl_nursing_assessment_set_drug_allergies (version, drugs);
  cl_nursing_assessment_set_food_allergies (version, foods);
  cl_nursing_assessment_set_risks (version, risks);
  cl_nursing_assessment_set_drug_allergy_note (version, texts[T_DRUG_NOTE]);
  cl_nursing_assessment_set_food_allergy_note (version, texts[T_FOOD_NOTE]);
  cl_nursing_assessment_set_risk_note (version, texts[T_RISK_NOTE]);
  cl_nursing_assessment_set_medical_history (version, texts[T_MEDICAL]);
  cl_nursing_assessment_set_surgical_history (version, texts[T_SURGICAL]);
  cl_nursing_assessment_set_social (version, texts[T_SOCIAL]);
  cl_nursing_assessment_set_psychological (version, texts[T_PSYCHOLOGICAL]);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&texts[i], g_free);

  actor_id = cl_desk_store_actor_id (self->store, cl_context_get_username (self->context));
  if (!cl_nursing_store_save_assessment (self->store, version, cl_context_get_role (self->context), actor_id,
                                         &field_errors, &error))
    {
      if (field_errors == NULL ||
          cl_form_show_field_errors (field_errors, all_field_names (), self->errors, N_FIELDS)
          < g_hash_table_size (field_errors))
        cl_form_message_set (self->form_error, error->message);
      return FALSE;
    }
  cl_form_dialog_saved (GTK_WINDOW (self), signals[SAVED], cl_record_get_id (CL_RECORD (version)));
  return TRUE;
}

static void
save_clicked_cb (CLAssessmentDialog *self)
{
  cl_assessment_dialog_save (self);
}

/* "No known allergies" and an allergy exclude each other: ticking one
 * clears the other, so the form cannot say both. */
static void
check_toggled_cb (GtkCheckButton     *check,
                  CLAssessmentDialog *self)
{
  guint list = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "cl-list"));
  gboolean none = g_strcmp0 (g_object_get_data (G_OBJECT (check), "cl-word"), CL_NURSING_NONE) == 0;

  cl_form_message_set (self->errors[list], NULL);
  if (self->syncing || !gtk_check_button_get_active (check) || list == L_RISK)
    return;
  self->syncing = TRUE;
  for (guint i = 0; i < self->checks[list]->len; i++)
    {
      GtkCheckButton *other = g_ptr_array_index (self->checks[list], i);
      gboolean other_none = g_strcmp0 (g_object_get_data (G_OBJECT (other), "cl-word"), CL_NURSING_NONE) == 0;

      if (other != check && (none || other_none))
        gtk_check_button_set_active (other, FALSE);
    }
  self->syncing = FALSE;
}

/* A row of check buttons, one a word of @words (after @none_label's,
 * if any), ticked as @stored says; its message row under it. */
static void
add_choices (CLAssessmentDialog *self,
             GtkWidget          *group,
             guint               list,
             const char         *title,
             const char         *none_label,
             const char * const *words,
             const char         *stored)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *flow = gtk_flow_box_new ();

  self->checks[list] = g_ptr_array_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  for (int i = none_label ? -1 : 0; i < 0 || words[i]; i++)
    {
      const char *word = i < 0 ? CL_NURSING_NONE : words[i];
      GtkWidget *check = gtk_check_button_new_with_label (i < 0 ? none_label : cl_nursing_word_label (word));

      g_object_set_data_full (G_OBJECT (check), "cl-word", g_strdup (word), g_free);
      g_object_set_data (G_OBJECT (check), "cl-list", GUINT_TO_POINTER (list));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), cl_nursing_list_has (stored, word));
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_ptr_array_add (self->checks[list], check);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
    }
  gtk_box_append (GTK_BOX (box), flow);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->errors[list] = cl_form_message_attach (row);
}

static void
add_text (CLAssessmentDialog *self,
          GtkWidget          *group,
          guint               text,
          const char         *title,
          const char         *stored)
{
  self->texts[text] = cl_form_entry_row_add (group, title, &self->errors[N_LISTS + text]);
  gtk_editable_set_text (GTK_EDITABLE (self->texts[text]), stored ? stored : "");
}

static void
cl_assessment_dialog_finalize (GObject *object)
{
  CLAssessmentDialog *self = CL_ASSESSMENT_DIALOG (object);

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->checks[i], g_ptr_array_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_assessment_dialog_parent_class)->finalize (object);
}

static void
cl_assessment_dialog_class_init (CLAssessmentDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_assessment_dialog_finalize;
  signals[SAVED] = cl_form_dialog_class_setup (GTK_WIDGET_CLASS (klass), TRUE);
}

static void
cl_assessment_dialog_init (CLAssessmentDialog *self)
{
}

CLAssessmentDialog *
cl_assessment_dialog_new (GtkWindow  *parent,
                          CLContext  *context,
                          const char *patient_id)
{
  g_autoptr(CLNursingAssessment) latest = NULL;
  CLAssessmentDialog *self;
  CLNursingAssessment *d;
  GtkWidget *groups[5] = { NULL, };
  g_autofree char *description = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cl_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (patient_id != NULL, NULL);

  self = g_object_new (CL_TYPE_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (cl_context_get_store (context));
  latest = cl_store_nursing_latest (self->store, patient_id);
  self->draft = latest ? cl_nursing_assessment_new_version (latest) : cl_nursing_assessment_new (patient_id);
  d = self->draft;

  for (guint i = 0; i < G_N_ELEMENTS (groups) - 1; i++)
    groups[i] = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[0]), _("Allergies"));
  if (latest)
    /* Translators: %d is the version a save records, %d-1 the one it follows */
    description = g_strdup_printf (_("Saving records version %d; version %d stays in her history. Fields marked * are required."),
                                   cl_nursing_assessment_get_version (d), cl_nursing_assessment_get_version (latest));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (groups[0]),
                                         description ? description : cl_form_required_note ());
  add_choices (self, groups[0], L_DRUG, _("Drug allergies *"), _("No known drug allergies"),
               cl_nursing_drug_allergies (), cl_nursing_assessment_get_drug_allergies (d));
  add_text (self, groups[0], T_DRUG_NOTE, _("Other drug allergies (free text)"),
            cl_nursing_assessment_get_drug_allergy_note (d));
  add_choices (self, groups[0], L_FOOD, _("Food allergies *"), _("No known food allergies"),
               cl_nursing_food_allergies (), cl_nursing_assessment_get_food_allergies (d));
  add_text (self, groups[0], T_FOOD_NOTE, _("Other food allergies (free text)"),
            cl_nursing_assessment_get_food_allergy_note (d));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[1]), _("High-Risk Screening"));
  add_choices (self, groups[1], L_RISK, _("Tick each risk found; none ticked means none found"), NULL,
               cl_nursing_risks (), cl_nursing_assessment_get_risks (d));
  add_text (self, groups[1], T_RISK_NOTE, _("Screening notes (e.g. which infectious disease)"),
            cl_nursing_assessment_get_risk_note (d));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[2]), _("History"));
  add_text (self, groups[2], T_MEDICAL, _("Medical history"), cl_nursing_assessment_get_medical_history (d));
  add_text (self, groups[2], T_SURGICAL, _("Surgical history"), cl_nursing_assessment_get_surgical_history (d));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[3]), _("Social and Psychological"));
  add_text (self, groups[3], T_SOCIAL, _("Social assessment (family, work, support)"),
            cl_nursing_assessment_get_social (d));
  add_text (self, groups[3], T_PSYCHOLOGICAL, _("Psychological assessment (mood, anxiety)"),
            cl_nursing_assessment_get_psychological (d));

  self->form_error = cl_form_dialog_build (ADW_WINDOW (self), _("_Save"), G_CALLBACK (save_clicked_cb), NULL,
                                           CL_FORM_SCROLLED, 12, groups);
  gtk_window_set_title (GTK_WINDOW (self), latest ? _("Update Nursing Assessment")
                                                  : _("First-Visit Nursing Assessment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 720);
  return self;
}

GtkCheckButton *
cl_assessment_dialog_get_check (CLAssessmentDialog *self,
                                const char         *list,
                                const char         *word)
{
  int l;

  g_return_val_if_fail (CL_IS_ASSESSMENT_DIALOG (self), NULL);

  l = cl_form_field_find (list_columns, N_LISTS, list);
  for (guint i = 0; l >= 0 && i < self->checks[l]->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks[l], i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "cl-word"), word) == 0)
        return check;
    }
  return NULL;
}

GtkEditable *
cl_assessment_dialog_get_entry (CLAssessmentDialog *self,
                                const char         *column)
{
  int i;

  g_return_val_if_fail (CL_IS_ASSESSMENT_DIALOG (self), NULL);

  i = cl_form_field_find (text_columns, N_TEXTS, column);
  return i < 0 ? NULL : GTK_EDITABLE (self->texts[i]);
}

const char *
cl_assessment_dialog_get_error (CLAssessmentDialog *self,
                                const char         *column)
{
  g_return_val_if_fail (CL_IS_ASSESSMENT_DIALOG (self), NULL);
  return cl_form_message_lookup (all_field_names (), self->errors, N_FIELDS, self->form_error, column);
}
