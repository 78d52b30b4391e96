#define G_LOG_DOMAIN "cl-patient-form"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-date.h"
#include "cl-dating.h"
#include "cl-form-message.h"
#include "cl-id-card.h"
#include "cl-patient-form.h"
#include "cl-patient-store.h"

typedef struct
{
  const char *field;
  GtkWidget  *row;
  GtkWidget  *error_row;
  GtkLabel   *error_label;
} Field;

struct _CLPatientForm
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget       *box;
  AdwEntryRow     *name_row;
  AdwEntryRow     *id_number_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *birth_date_row;
  AdwEntryRow     *mrn_row;
  AdwEntryRow     *address_row;
  AdwComboRow     *manager_row;
  AdwExpanderRow  *priority_row;
  AdwEntryRow     *note_row;
  AdwPreferencesGroup *pregnancy_group;
  AdwEntryRow     *lmp_row;
  AdwActionRow    *edd_row;
  AdwEntryRow     *corrected_edd_row;
  AdwActionRow    *gravida_row;
  GtkSpinButton   *gravida_spin;
  AdwActionRow    *para_row;
  GtkSpinButton   *para_spin;
  AdwComboRow     *risk_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *delivery_date_row;

  /* owned */
  CLContext       *context;
  CLStore         *store;          /* the context's, once it has one */
  GArray          *fields;        /* Field */
  GPtrArray       *manager_ids;   /* combo position - 1 → staff id */
  GPtrArray       *risk_codes;    /* combo position - 1 → main level code */
  GPtrArray       *extra_codes;   /* combinable level codes */
  GPtrArray       *extra_switches;
  GHashTable      *priority_checks; /* code → GtkCheckButton */
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (CLPatientForm, cl_patient_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static Field *
find_field (CLPatientForm *self,
            const char    *field)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);
      if (g_str_equal (f->field, field))
        return f;
    }
  return NULL;
}

static void
clear_error (Field *f)
{
  cl_form_message_set (f->error_label, NULL);
  gtk_widget_remove_css_class (f->row, "error");
}

static void
emit_changed (CLPatientForm *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
field_edited_cb (GtkWidget     *row,
                 GParamSpec    *pspec,
                 CLPatientForm *self)
{
  /* Typing into a field that had a message means the person is fixing
   * it: take the message away instead of nagging. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);
      if (f->row == row)
        clear_error (f);
    }
  emit_changed (self);
}

/* Adds a hidden message row right under @row in its list. */
static void
add_field (CLPatientForm *self,
           const char    *field,
           GtkWidget     *row)
{
  Field f = { field, row, NULL, NULL };

  f.error_label = cl_form_message_attach (row);
  f.error_row = gtk_widget_get_parent (GTK_WIDGET (f.error_label));

  if (ADW_IS_ENTRY_ROW (row))
    g_signal_connect (row, "notify::text", G_CALLBACK (field_edited_cb), self);
  else if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (field_edited_cb), self);

  g_array_append_val (self->fields, f);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* NULL for an empty or blank field. */
static char *
entry_value (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (entry_text (row)));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
update_dating (CLPatientForm *self)
{
  GDate lmp, edd, today;
  g_autofree char *subtitle = NULL;

  cl_date_today (&today);
  if (cl_date_parse (entry_text (self->lmp_row), &lmp, NULL))
    {
      g_autofree char *date = NULL;
      g_autofree char *ga = NULL;
      GDate corrected;

      cl_dating_edd_from_lmp (&lmp, &edd);
      date = cl_date_format_display (&edd);
      if (cl_date_parse (entry_text (self->corrected_edd_row), &corrected, NULL))
        edd = corrected;
      ga = cl_dating_format_ga_display (cl_dating_gestational_days (&edd, &today));
      subtitle = ga ? g_strdup_printf ("%s · %s", date, ga) : g_strdup (date);
    }
  adw_action_row_set_subtitle (self->edd_row, subtitle ? subtitle : "—");
}

static void
dating_changed_cb (CLPatientForm *self)
{
  update_dating (self);
}

static void
id_number_changed_cb (CLPatientForm *self)
{
  GDate birth;

  /* The birth date is in the ID number: fill it in rather than make
   * someone type it twice. */
  if (!self->loading && *entry_text (self->birth_date_row) == '\0' &&
      cl_id_card_validate (entry_text (self->id_number_row), NULL, &birth, NULL, NULL))
    {
      g_autofree char *iso = cl_date_to_iso (&birth);
      set_entry (self->birth_date_row, iso);
    }
}

static void
status_changed_cb (CLPatientForm *self)
{
  const char * const *statuses = cl_pregnancy_statuses ();
  guint selected = adw_combo_row_get_selected (self->status_row);
  const char *status = selected < g_strv_length ((char **) statuses) ? statuses[selected] : NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->delivery_date_row),
                            cl_pregnancy_status_has_delivery (status) ||
                            *entry_text (self->delivery_date_row) != '\0');
}

static void
cl_patient_form_dispose (GObject *object)
{
  CLPatientForm *self = CL_PATIENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_PATIENT_FORM);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->manager_ids, g_ptr_array_unref);
  g_clear_pointer (&self->risk_codes, g_ptr_array_unref);
  g_clear_pointer (&self->extra_codes, g_ptr_array_unref);
  g_clear_pointer (&self->extra_switches, g_ptr_array_unref);
  g_clear_pointer (&self->priority_checks, g_hash_table_unref);

  G_OBJECT_CLASS (cl_patient_form_parent_class)->dispose (object);
}

static void
cl_patient_form_class_init (CLPatientFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_patient_form_dispose;

  /**
   * CLPatientForm::changed:
   *
   * A person edited a field.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/patient/cl-patient-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, box);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, mrn_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, manager_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, priority_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, note_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, pregnancy_group);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, lmp_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, edd_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, corrected_edd_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, gravida_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, gravida_spin);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, para_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, para_spin);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, risk_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, CLPatientForm, delivery_date_row);
}

static void
cl_patient_form_init (CLPatientForm *self)
{
  g_autoptr(GtkStringList) status_list = gtk_string_list_new (NULL);
  const char * const *codes = cl_patient_priority_codes ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  self->manager_ids = g_ptr_array_new_with_free_func (g_free);
  self->risk_codes = g_ptr_array_new_with_free_func (g_free);
  self->extra_codes = g_ptr_array_new_with_free_func (g_free);
  self->extra_switches = g_ptr_array_new ();
  self->priority_checks = g_hash_table_new (g_str_hash, g_str_equal);

  /* The core's rules (cl_patient_validate()): a name and a mobile
   * number; the LMP only for a pregnancy, as its group says. */
  cl_form_row_set_required (GTK_WIDGET (self->name_row));
  cl_form_row_set_required (GTK_WIDGET (self->phone_row));
  add_field (self, "name", GTK_WIDGET (self->name_row));
  add_field (self, "id_number", GTK_WIDGET (self->id_number_row));
  add_field (self, "phone", GTK_WIDGET (self->phone_row));
  add_field (self, "birth_date", GTK_WIDGET (self->birth_date_row));
  add_field (self, "mrn", GTK_WIDGET (self->mrn_row));
  add_field (self, "address", GTK_WIDGET (self->address_row));
  add_field (self, "case_manager_id", GTK_WIDGET (self->manager_row));
  add_field (self, "priority", GTK_WIDGET (self->priority_row));
  add_field (self, "note", GTK_WIDGET (self->note_row));
  add_field (self, "lmp", GTK_WIDGET (self->lmp_row));
  add_field (self, "corrected_edd", GTK_WIDGET (self->corrected_edd_row));
  add_field (self, "gravida", GTK_WIDGET (self->gravida_row));
  add_field (self, "para", GTK_WIDGET (self->para_row));
  add_field (self, "risk", GTK_WIDGET (self->risk_row));
  add_field (self, "status", GTK_WIDGET (self->status_row));
  add_field (self, "delivery_date", GTK_WIDGET (self->delivery_date_row));

  for (guint i = 0; codes[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cl_patient_priority_label (codes[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->priority_row, row);
      g_hash_table_insert (self->priority_checks, (gpointer) codes[i], check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (emit_changed), self);
    }

  for (const char * const *s = cl_pregnancy_statuses (); *s; s++)
    gtk_string_list_append (status_list, cl_pregnancy_status_label (*s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_list));

  g_signal_connect_swapped (self->lmp_row, "notify::text", G_CALLBACK (dating_changed_cb), self);
  g_signal_connect_swapped (self->corrected_edd_row, "notify::text", G_CALLBACK (dating_changed_cb), self);
  g_signal_connect_swapped (self->id_number_row, "notify::text", G_CALLBACK (id_number_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb), self);
  g_signal_connect_swapped (self->gravida_spin, "value-changed", G_CALLBACK (emit_changed), self);
  g_signal_connect_swapped (self->para_spin, "value-changed", G_CALLBACK (emit_changed), self);
  g_signal_connect_swapped (self->delivery_date_row, "notify::text", G_CALLBACK (status_changed_cb), self);
  status_changed_cb (self);
}

static void
fill_managers (CLPatientForm *self)
{
  g_autoptr(GPtrArray) staff = cl_patient_store_list_staff (self->store, CL_ROLE_CASE_MANAGER);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, C_("case manager", "None"));
  g_ptr_array_set_size (self->manager_ids, 0);
  for (guint i = 0; i < staff->len; i++)
    {
      CLStaff *member = g_ptr_array_index (staff, i);

      gtk_string_list_append (list, cl_staff_get_display_name (member));
      g_ptr_array_add (self->manager_ids, g_strdup (cl_record_get_id (CL_RECORD (member))));
    }
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (list));
}

static void
fill_risks (CLPatientForm *self)
{
  ClRiskScale *scale = cl_store_get_risk_scale (self->store);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *list_box = gtk_widget_get_parent (GTK_WIDGET (self->risk_row));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->risk_row)) + 2;

  gtk_string_list_append (list, C_("risk", "Not assessed"));
  for (guint i = 0; i < cl_risk_scale_get_n_levels (scale); i++)
    {
      const ClRiskLevel *level = cl_risk_scale_get_level (scale, i);

      if (!level->combinable)
        {
          gtk_string_list_append (list, level->label);
          g_ptr_array_add (self->risk_codes, g_strdup (level->code));
          continue;
        }

      /* A combinable level (purple: infectious disease) goes with any
       * colour, so it is a switch of its own, right under the colour
       * (after the colour's message row). */
      {
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *toggle = gtk_switch_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), level->label);
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        gtk_list_box_insert (GTK_LIST_BOX (list_box), row, position++);
        g_ptr_array_add (self->extra_codes, g_strdup (level->code));
        g_ptr_array_add (self->extra_switches, toggle);
        g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (emit_changed), self);
      }
    }
  adw_combo_row_set_model (self->risk_row, G_LIST_MODEL (list));
}

/* The form's choices come from the first store the context gets. */
static void
context_store_cb (CLPatientForm *self)
{
  CLStore *store = cl_context_get_store (self->context);

  if (store == NULL || self->store != NULL)
    return;

  self->store = g_object_ref (store);
  self->loading = TRUE;
  fill_managers (self);
  fill_risks (self);
  self->loading = FALSE;
}

void
cl_patient_form_set_context (CLPatientForm *self,
                             CLContext     *context)
{
  g_return_if_fail (CL_IS_PATIENT_FORM (self));
  g_return_if_fail (CL_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_cb), self, G_CONNECT_SWAPPED);
  context_store_cb (self);
}

static guint
index_of (GPtrArray  *array,
          const char *value)
{
  for (guint i = 0; value && i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), value))
      return i;
  return G_MAXUINT;
}

void
cl_patient_form_load (CLPatientForm *self,
                      CLPatient     *patient,
                      CLPregnancy   *pregnancy)
{
  g_auto(GStrv) priority = NULL;
  g_auto(GStrv) risk = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint i;

  g_return_if_fail (CL_IS_PATIENT_FORM (self));
  g_return_if_fail (CL_IS_PATIENT (patient));

  self->loading = TRUE;

  set_entry (self->name_row, cl_patient_get_name (patient));
  set_entry (self->id_number_row, cl_patient_get_id_number (patient));
  set_entry (self->phone_row, cl_patient_get_phone (patient));
  set_entry (self->birth_date_row, cl_patient_get_birth_date (patient));
  set_entry (self->mrn_row, cl_patient_get_mrn (patient));
  set_entry (self->address_row, cl_patient_get_address (patient));
  set_entry (self->note_row, cl_patient_get_note (patient));

  i = index_of (self->manager_ids, cl_patient_get_case_manager_id (patient));
  adw_combo_row_set_selected (self->manager_row, i == G_MAXUINT ? 0 : i + 1);

  priority = g_strsplit (cl_patient_get_priority (patient) ? cl_patient_get_priority (patient) : "", ",", -1);
  g_hash_table_iter_init (&iter, self->priority_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, g_strv_contains ((const char * const *) priority, key));

  set_entry (self->lmp_row, pregnancy ? cl_pregnancy_get_lmp (pregnancy) : NULL);
  set_entry (self->corrected_edd_row, pregnancy ? cl_pregnancy_get_corrected_edd (pregnancy) : NULL);
  set_entry (self->delivery_date_row, pregnancy ? cl_pregnancy_get_delivery_date (pregnancy) : NULL);
  gtk_spin_button_set_value (self->gravida_spin, pregnancy ? cl_pregnancy_get_gravida (pregnancy) : 1);
  gtk_spin_button_set_value (self->para_spin, pregnancy ? cl_pregnancy_get_para (pregnancy) : 0);

  i = 0;
  for (guint s = 0; pregnancy && cl_pregnancy_statuses ()[s]; s++)
    if (g_strcmp0 (cl_pregnancy_get_status (pregnancy), cl_pregnancy_statuses ()[s]) == 0)
      i = s;
  adw_combo_row_set_selected (self->status_row, i);

  risk = g_strsplit (pregnancy && cl_pregnancy_get_risk (pregnancy) ? cl_pregnancy_get_risk (pregnancy) : "", "+", -1);
  adw_combo_row_set_selected (self->risk_row, 0);
  for (guint r = 0; risk[r]; r++)
    {
      i = index_of (self->risk_codes, risk[r]);
      if (i != G_MAXUINT)
        adw_combo_row_set_selected (self->risk_row, i + 1);
    }
  for (guint e = 0; e < self->extra_codes->len; e++)
    gtk_switch_set_active (g_ptr_array_index (self->extra_switches, e),
                           g_strv_contains ((const char * const *) risk,
                                            g_ptr_array_index (self->extra_codes, e)));

  update_dating (self);
  status_changed_cb (self);
  cl_patient_form_show_errors (self, NULL);
  self->loading = FALSE;
}

void
cl_patient_form_apply (CLPatientForm *self,
                       CLPatient     *patient,
                       CLPregnancy   *pregnancy)
{
  g_autoptr(GString) priority = g_string_new (NULL);
  g_autoptr(GString) risk = g_string_new (NULL);
  const char * const *codes = cl_patient_priority_codes ();
  guint selected;

  g_return_if_fail (CL_IS_PATIENT_FORM (self));
  g_return_if_fail (CL_IS_PATIENT (patient));

#define TAKE(setter, row) G_STMT_START { g_autofree char *v = entry_value (row); setter; } G_STMT_END
  TAKE (cl_patient_set_name (patient, v), self->name_row);
  TAKE (cl_patient_set_id_number (patient, v), self->id_number_row);
  TAKE (cl_patient_set_phone (patient, v), self->phone_row);
  TAKE (cl_patient_set_birth_date (patient, v), self->birth_date_row);
  TAKE (cl_patient_set_mrn (patient, v), self->mrn_row);
  TAKE (cl_patient_set_address (patient, v), self->address_row);
  TAKE (cl_patient_set_note (patient, v), self->note_row);

  selected = adw_combo_row_get_selected (self->manager_row);
  cl_patient_set_case_manager_id (patient,
                                  selected >= 1 && selected - 1 < self->manager_ids->len
                                  ? g_ptr_array_index (self->manager_ids, selected - 1) : NULL);

  for (guint i = 0; codes[i]; i++)
    if (gtk_check_button_get_active (g_hash_table_lookup (self->priority_checks, codes[i])))
      g_string_append_printf (priority, "%s%s", priority->len ? "," : "", codes[i]);
  cl_patient_set_priority (patient, priority->len ? priority->str : NULL);

  if (pregnancy == NULL)
    return;

  TAKE (cl_pregnancy_set_lmp (pregnancy, v), self->lmp_row);
  TAKE (cl_pregnancy_set_corrected_edd (pregnancy, v), self->corrected_edd_row);
  TAKE (cl_pregnancy_set_delivery_date (pregnancy, v), self->delivery_date_row);
#undef TAKE

  cl_pregnancy_set_gravida (pregnancy, gtk_spin_button_get_value_as_int (self->gravida_spin));
  cl_pregnancy_set_para (pregnancy, gtk_spin_button_get_value_as_int (self->para_spin));

  selected = adw_combo_row_get_selected (self->status_row);
  {
    const char * const *statuses = cl_pregnancy_statuses ();
    guint n = g_strv_length ((char **) statuses);

    cl_pregnancy_set_status (pregnancy, statuses[MIN (selected, n - 1)]);
  }

  selected = adw_combo_row_get_selected (self->risk_row);
  if (selected >= 1 && selected - 1 < self->risk_codes->len)
    g_string_append (risk, g_ptr_array_index (self->risk_codes, selected - 1));
  for (guint e = 0; e < self->extra_codes->len; e++)
    if (gtk_switch_get_active (g_ptr_array_index (self->extra_switches, e)))
      g_string_append_printf (risk, "%s%s", risk->len ? "+" : "",
                              (const char *) g_ptr_array_index (self->extra_codes, e));
  cl_pregnancy_set_risk (pregnancy, risk->str);
}

gboolean
cl_patient_form_has_pregnancy (CLPatientForm *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_FORM (self), FALSE);

  return *entry_text (self->lmp_row) || *entry_text (self->corrected_edd_row) ||
         *entry_text (self->delivery_date_row);
}

void
cl_patient_form_show_errors (CLPatientForm *self,
                             GHashTable    *errors)
{
  gboolean focused = FALSE;

  g_return_if_fail (CL_IS_PATIENT_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);
      const char *message = errors ? g_hash_table_lookup (errors, f->field) : NULL;

      if (message == NULL)
        {
          clear_error (f);
          continue;
        }

      cl_form_message_set (f->error_label, message);
      gtk_widget_add_css_class (f->row, "error");
      if (!focused)
        {
          gtk_widget_grab_focus (f->row);
          focused = TRUE;
        }
    }
}

const char *
cl_patient_form_get_error (CLPatientForm *self,
                           const char    *field)
{
  Field *f;

  g_return_val_if_fail (CL_IS_PATIENT_FORM (self), NULL);

  f = find_field (self, field);
  if (f == NULL || !gtk_widget_get_visible (f->error_row))
    return NULL;
  return gtk_label_get_label (f->error_label);
}

GtkWidget *
cl_patient_form_get_field (CLPatientForm *self,
                           const char    *field)
{
  Field *f;

  g_return_val_if_fail (CL_IS_PATIENT_FORM (self), NULL);

  f = find_field (self, field);
  return f ? f->row : NULL;
}

void
cl_patient_form_focus_first (CLPatientForm *self)
{
  g_return_if_fail (CL_IS_PATIENT_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

gboolean
cl_patient_form_save (CLPatientForm *self,
                      CLPatient     *patient,
                      CLPregnancy   *pregnancy)
{
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (CL_IS_PATIENT_FORM (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  cl_patient_form_apply (self, patient, pregnancy);
  if (cl_patient_store_save (self->store, patient, pregnancy, &errors, &error))
    {
      cl_patient_form_show_errors (self, NULL);
      return TRUE;
    }

  if (errors)
    {
      cl_patient_form_show_errors (self, errors);
      return FALSE;
    }

  /* Not a field's fault (a full disk, a damaged file): say so plainly. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Save"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}
