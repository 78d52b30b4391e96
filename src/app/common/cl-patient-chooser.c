#define G_LOG_DOMAIN "cl-patient-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-allergy-line.h"
#include "cl-patient-chooser.h"
#include "cl-patient.h"
#include "cl-roster-model.h"

struct _CLPatientChooser
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *box;
  GtkSearchEntry     *entry;
  GtkWidget          *scrolled;
  GtkListView        *list;
  CLAllergyLine      *allergy_line;

  /* owned */
  CLRosterModel      *model;
  GtkSingleSelection *selection;
  char               *patient_id;
  char               *chosen_name;  /* the text that shows the choice */
  gboolean            setting;
};

G_DEFINE_FINAL_TYPE (CLPatientChooser, cl_patient_chooser, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PATIENT_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_patient_id (CLPatientChooser *self,
                const char       *id)
{
  if (g_strcmp0 (id, self->patient_id) == 0)
    return;
  g_free (self->patient_id);
  self->patient_id = g_strdup (id);
  /* Whoever picks her sees her allergies and risks at once. */
  cl_allergy_line_set_patient_id (self->allergy_line, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT_ID]);
}

static void
choose (CLPatientChooser *self,
        guint             position)
{
  g_autoptr(CLRosterRow) row = NULL;

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  cl_patient_chooser_set_patient (self, cl_roster_row_get_patient_id (row), cl_roster_row_get_name (row));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
search_changed_cb (CLPatientChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* The search entry reports a change a moment after it happened: the
   * name put there by choosing is not a new search. */
  if (self->setting || (self->patient_id && g_strcmp0 (text, self->chosen_name) == 0))
    return;
  /* Typing over a chosen patient un-chooses her. */
  set_patient_id (self, NULL);
  if (self->model)
    cl_roster_model_set_query (self->model, text);
  gtk_widget_set_visible (self->scrolled, *text != '\0');
}

static void
entry_activate_cb (CLPatientChooser *self)
{
  if (self->patient_id == NULL)
    choose (self, 0);
}

static void
list_activate_cb (CLPatientChooser *self,
                  guint             position)
{
  choose (self, position);
}

static gboolean
entry_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              CLPatientChooser      *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && gtk_widget_get_visible (self->scrolled))
    {
      gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  return FALSE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_add_css_class (badge, "priority-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  CLRosterRow *row = gtk_list_item_get_item (item);
  g_autofree char *ga = cl_roster_row_format_ga (row);
  g_autofree char *text = NULL;
  int age = cl_roster_row_get_age (row);
  g_autofree char *age_text = age >= 0 ? g_strdup_printf (_("%d years"), age) : g_strdup ("");
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *badge = gtk_widget_get_next_sibling (label);
  const char *flags = cl_roster_row_get_priority (row);

  /* Name, age, gestation and masked phone: enough to tell two 张敏 apart. */
  text = g_strdup_printf ("%s   %s   %s   %s", cl_roster_row_get_name (row), age_text, ga ? ga : "",
                          cl_roster_row_get_phone_masked (row) ? cl_roster_row_get_phone_masked (row) : "");
  gtk_label_set_label (GTK_LABEL (label), text);
  /* Flagged patients come first (the roster search's order): the badge
   * says why. */
  gtk_widget_set_visible (badge, flags && *flags);
  if (flags && *flags)
    {
      g_auto(GStrv) codes = g_strsplit (flags, ",", 2);
      g_autofree char *all = cl_patient_flags_describe (flags);

      gtk_label_set_label (GTK_LABEL (badge), cl_patient_priority_label (codes[0]));
      gtk_widget_set_tooltip_text (badge, all);
    }
}

static void
cl_patient_chooser_dispose (GObject *object)
{
  CLPatientChooser *self = CL_PATIENT_CHOOSER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (cl_patient_chooser_parent_class)->dispose (object);
}

static void
cl_patient_chooser_finalize (GObject *object)
{
  CLPatientChooser *self = CL_PATIENT_CHOOSER (object);

  g_free (self->patient_id);
  g_free (self->chosen_name);
  G_OBJECT_CLASS (cl_patient_chooser_parent_class)->finalize (object);
}

static void
cl_patient_chooser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CLPatientChooser *self = CL_PATIENT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PATIENT_ID:
      g_value_set_string (value, self->patient_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_patient_chooser_class_init (CLPatientChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cl_patient_chooser_dispose;
  object_class->finalize = cl_patient_chooser_finalize;
  object_class->get_property = cl_patient_chooser_get_property;

  properties[PROP_PATIENT_ID] = g_param_spec_string ("patient-id", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_patient_chooser_init (CLPatientChooser *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *key = gtk_event_controller_key_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Patient: name, pinyin, initials or phone"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Patient"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->entry));
  self->allergy_line = CL_ALLERGY_LINE (cl_allergy_line_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->allergy_line));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (list_activate_cb), self);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
  gtk_widget_add_css_class (self->scrolled, "card");
  gtk_widget_set_visible (self->scrolled, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->scrolled);
}

GtkWidget *
cl_patient_chooser_new (CLStore *store)
{
  CLPatientChooser *self;

  g_return_val_if_fail (CL_IS_STORE (store), NULL);

  self = g_object_new (CL_TYPE_PATIENT_CHOOSER, NULL);
  self->model = cl_roster_model_new (store);
  cl_allergy_line_set_store (self->allergy_line, store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  return GTK_WIDGET (self);
}

const char *
cl_patient_chooser_get_patient_id (CLPatientChooser *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_CHOOSER (self), NULL);
  return self->patient_id;
}

void
cl_patient_chooser_set_patient (CLPatientChooser *self,
                                const char       *patient_id,
                                const char       *name)
{
  g_return_if_fail (CL_IS_PATIENT_CHOOSER (self));

  g_free (self->chosen_name);
  self->chosen_name = g_strdup (name ? name : "");
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), name ? name : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->setting = FALSE;
  gtk_widget_set_visible (self->scrolled, FALSE);
  set_patient_id (self, patient_id);
}

GtkEditable *
cl_patient_chooser_get_entry (CLPatientChooser *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

gboolean
cl_patient_chooser_get_searching (CLPatientChooser *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_CHOOSER (self), FALSE);
  return self->model && (cl_roster_model_get_loading (self->model) || !cl_roster_model_get_loaded (self->model));
}

GtkWidget *
cl_patient_chooser_get_allergy_line (CLPatientChooser *self)
{
  g_return_val_if_fail (CL_IS_PATIENT_CHOOSER (self), NULL);
  return GTK_WIDGET (self->allergy_line);
}
