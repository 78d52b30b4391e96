/* Keys and labels across the window as real GTK widgets under Xvfb:
 * Ctrl+N and the header's "+" are the "new" of the view on screen, and
 * every shortcut the shortcuts window lists is one the app binds, and
 * no two actions on one page or dialog share a mnemonic.
 * Run in English and in zh_CN. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-application.h"
#include "cl-archive-view.h"
#include "cl-desk-view.h"
#include "cl-document-import-dialog.h"
#include "cl-document-list.h"
#include "cl-enrolment-dialog.h"
#include "cl-order-dialog.h"
#include "cl-order-list.h"
#include "cl-packages-dialog.h"
#include "cl-preferences-dialog.h"
#include "cl-staff-window.h"
#include "cl-test-pdf.h"
#include "cl-escort-view.h"
#include "cl-patient-form.h"
#include "cl-patient-page.h"
#include "cl-roster-view.h"
#include "cl-settlement-view.h"
#include "cl-time-grid.h"
#include "cl-vip-view.h"
#include "cl-context.h"
#include "cl-deduction-dialog.h"
#include "cl-document-edit-dialog.h"
#include "cl-login-dialog.h"
#include "cl-share-rate-dialog.h"
#include "cl-staff-dialog.h"
#include "cl-sync-client.h"
#include "cl-vip-room-dialog.h"
#include "cl-escort-task-dialog.h"
#include "cl-new-patient-dialog.h"
#include "cl-pregnancy.h"
#include "cl-staff.h"
#include "cl-store-private.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-vip-booking-dialog.h"
#include "cl-window.h"

static char *data_dir;
static char *patient_id;

static gboolean
store_open (gpointer data)
{
  return cl_window_get_store (data) != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = cl_test_ui_find_toplevel (GPOINTER_TO_SIZE (data));

  return window && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static CLWindow *
open_window (int width,
             int height)
{
  CLWindow *window = cl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  cl_window_open_data_dir (window, data_dir);
  cl_test_ui_wait_until (store_open, window);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, window);
  return window;
}

/* ------------------------------------------------------------------ */
/* Ctrl+N and "+"                                                      */

static gboolean
is_new_button (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.new") == 0;
}

/* Shows @view, presses Ctrl+N with the focus in it, and checks that a
 * window of @type came (then closes it) or, for G_TYPE_NONE, that the
 * "+" is insensitive and nothing came. */
static void
check_new (CLWindow   *window,
           GtkWidget  *plus,
           const char *view,
           GType       type,
           const char *tooltip)
{
  GtkWidget *page;
  GtkWindow *made;

  g_test_message ("new in %s", view);
  cl_window_show_view (window, view);
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                           view);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, page);
  gtk_window_present (GTK_WINDOW (window));
  cl_test_ui_settle (100);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (plus), ==, tooltip);
  if (type == G_TYPE_NONE)
    {
      g_assert_false (gtk_widget_get_sensitive (plus));
      cl_test_ui_press_keys ("ctrl+n");
      cl_test_ui_settle (300);
      g_assert_null (cl_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
      g_assert_null (cl_test_ui_find_toplevel (CL_TYPE_NEW_PATIENT_DIALOG));
      return;
    }
  g_assert_true (gtk_widget_get_sensitive (plus));
  cl_test_ui_press_keys ("ctrl+n");
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  made = cl_test_ui_find_toplevel (type);
  g_object_add_weak_pointer (G_OBJECT (made), (gpointer *) &made);
  if (GTK_IS_DIALOG (made))
    gtk_dialog_response (GTK_DIALOG (made), GTK_RESPONSE_CANCEL);
  else
    gtk_window_destroy (made);
  cl_test_ui_settle (100);
  g_assert_null (made);

  /* The "+" does the same. */
  gtk_widget_activate (plus);
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  made = cl_test_ui_find_toplevel (type);
  g_object_add_weak_pointer (G_OBJECT (made), (gpointer *) &made);
  if (GTK_IS_DIALOG (made))
    gtk_dialog_response (GTK_DIALOG (made), GTK_RESPONSE_CANCEL);
  else
    gtk_window_destroy (made);
  cl_test_ui_settle (100);
  g_assert_null (made);
}

static void
test_new_follows_view (void)
{
  CLWindow *window = open_window (1280, 800);
  CLContext *context = cl_window_get_context (window);
  GtkWidget *plus = cl_test_ui_find_widget_where (GTK_WIDGET (window), is_new_button, NULL);

  g_assert_nonnull (plus);
  check_new (window, plus, "roster", CL_TYPE_NEW_PATIENT_DIALOG, _("New Patient (Ctrl+N)"));
  /* The Archive imports reports, for a patient shown only. */
  check_new (window, plus, "archive", G_TYPE_NONE, _("Import Reports (Ctrl+N)"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, "");
  check_new (window, plus, "archive", GTK_TYPE_FILE_CHOOSER_DIALOG, _("Import Reports (Ctrl+N)"));
  check_new (window, plus, "escorts", CL_TYPE_ESCORT_TASK_DIALOG, _("New Task (Ctrl+N)"));
  check_new (window, plus, "vip-rooms", CL_TYPE_VIP_BOOKING_DIALOG, _("New Booking (Ctrl+N)"));
  check_new (window, plus, "settlement", CL_TYPE_DEDUCTION_DIALOG, _("Add Deduction (Ctrl+N)"));

  /* Who works decides: a case manager adds no deduction, an escort
   * plans no task; the "+" says so by being insensitive. */
  cl_context_set_user (context, "cm", CL_ROLE_CASE_MANAGER);
  check_new (window, plus, "settlement", G_TYPE_NONE, _("Add Deduction (Ctrl+N)"));
  check_new (window, plus, "roster", CL_TYPE_NEW_PATIENT_DIALOG, _("New Patient (Ctrl+N)"));
  cl_context_set_user (context, "escort", CL_ROLE_ESCORT);
  check_new (window, plus, "escorts", G_TYPE_NONE, _("New Task (Ctrl+N)"));

  /* On the Service Desk, "new" is the next call: the quick-entry bar,
   * ready; no dead button. */
  cl_context_set_user (context, "desk", CL_ROLE_SERVICE_DESK);
  cl_window_show_view (window, "desk");
  cl_test_ui_settle (200);
  g_assert_true (gtk_widget_is_sensitive (plus));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (plus), ==, _("New Contact (Ctrl+N)"));
  gtk_widget_grab_focus (cl_desk_view_get_widget (CL_DESK_VIEW (cl_window_get_desk_view (window)), "search"));
  gtk_widget_activate (plus);
  cl_test_ui_settle (500);
  {
    GtkWidget *caller = cl_desk_view_get_widget (CL_DESK_VIEW (cl_window_get_desk_view (window)), "caller");
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus == caller || gtk_widget_is_ancestor (focus, caller));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* The shortcuts window                                                */

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Accel;

static gboolean
accel_equal (const Accel *a,
             guint        keyval,
             GdkModifierType mods)
{
  GdkModifierType mask = gtk_accelerator_get_default_mod_mask ();

  return gdk_keyval_to_lower (a->keyval) == gdk_keyval_to_lower (keyval) &&
         (a->mods & mask) == (mods & mask);
}

static void
add_trigger (GArray             *accels,
             GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      Accel a = { gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) };

      g_array_append_val (accels, a);
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (accels, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));
      add_trigger (accels, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
    }
}

/* The keys of @widget's shortcut controllers (its class's bindings
 * and any added), and with @deep those of everything under it. */
static void
collect_shortcuts (GtkWidget *widget,
                   gboolean   deep,
                   GArray    *accels)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_trigger (accels, gtk_shortcut_get_trigger (shortcut));
        }
    }
  if (!deep)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, TRUE, accels);
}

/* Does the time grid's own key handling take @keyval with @mods? */
static gboolean
grid_takes (CLTimeGrid      *grid,
            guint            keyval,
            GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (grid));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, mods, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GArray     *accels;   /* the window's, the application's and the group's views' */
  CLTimeGrid *grids[2]; /* for the schedule group, else NULL */
} Bound;

static gboolean
is_bound (Bound      *bound,
          const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  g_assert_cmpuint (keyval, !=, 0);
  for (guint i = 0; i < bound->accels->len; i++)
    if (accel_equal (&g_array_index (bound->accels, Accel, i), keyval, mods))
      return TRUE;
  if (bound->grids[0] == NULL)
    return FALSE;
  /* In both schedules. */
  for (guint i = 0; i < G_N_ELEMENTS (bound->grids); i++)
    if (!grid_takes (bound->grids[i], keyval, mods))
      return FALSE;
  return TRUE;
}

static void
test_help_overlay (void)
{
  CLWindow *window = open_window (1280, 800);
  g_autoptr(CLApplication) app = cl_application_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/careline/Careline/ui/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GArray) common = g_array_new (FALSE, FALSE, sizeof (Accel));
  g_auto(GStrv) app_actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GtkWidget *patient_page;
  CLEscortView *escorts = CL_ESCORT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ESCORT_VIEW));
  CLVipView *vip = CL_VIP_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_VIP_VIEW));
  guint n_groups = 0, n_checked = 0;
  struct
  {
    const char *title;
    GtkWidget  *views[2];
  } groups[] = {
    { N_("General"), { NULL } },
    { N_("Roster"), { cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ROSTER_VIEW) } },
    { N_("Patient"), { NULL } },
    { N_("Archive and Report Viewer"), { cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW) } },
    { N_("Escorts and VIP Rooms"), { GTK_WIDGET (escorts), GTK_WIDGET (vip) } },
    { N_("Settlement"), { cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW) } },
    { N_("Service Desk"), { cl_window_get_desk_view (window) } },
  };

  /* The patient page is made on first use. */
  cl_window_show_patient (window, patient_id);
  patient_page = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE);
  g_assert_nonnull (patient_page);
  groups[2].views[0] = patient_page;
  /* The schedules' grids with a day of bookings and tasks. */
  cl_window_show_view (window, "escorts");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, escorts);
  cl_window_show_view (window, "vip-rooms");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, vip);

  /* Keys everywhere: the window's own and the application's. */
  collect_shortcuts (GTK_WIDGET (window), FALSE, common);
  for (guint i = 0; app_actions[i]; i++)
    {
      g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app), app_actions[i]);

      for (guint j = 0; keys[j]; j++)
        {
          Accel a = { 0, 0 };

          g_assert_true (gtk_accelerator_parse (keys[j], &a.keyval, &a.mods));
          g_array_append_val (common, a);
        }
    }

  /* The checker itself: a key nothing binds is not found. */
  {
    Bound bound = { common, { NULL } };

    g_assert_false (is_bound (&bound, "<Control>j"));
    g_assert_true (is_bound (&bound, "<Control>q"));
  }

  for (GSList *l = objects; l; l = l->next)
    {
      GtkShortcutsGroup *group;
      g_autofree char *title = NULL;
      Bound bound = { NULL, { NULL } };
      int index = -1;

      if (!GTK_IS_SHORTCUTS_GROUP (l->data))
        continue;
      group = l->data;
      g_object_get (group, "title", &title, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
        if (g_strcmp0 (title, g_dpgettext2 (NULL, "shortcut window", groups[i].title)) == 0)
          index = (int) i;
      g_test_message ("group “%s”", title);
      g_assert_cmpint (index, >=, 0);
      n_groups++;

      bound.accels = g_array_copy (common);
      for (guint v = 0; v < G_N_ELEMENTS (groups[index].views); v++)
        if (groups[index].views[v])
          collect_shortcuts (groups[index].views[v], TRUE, bound.accels);
      if (index == 4)
        {
          bound.grids[0] = cl_escort_view_get_grid (escorts);
          bound.grids[1] = cl_vip_view_get_grid (vip);
        }

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (group)); child;
           child = gtk_widget_get_next_sibling (child))
        {
          g_autofree char *accelerator = NULL;
          g_autofree char *name = NULL;
          g_auto(GStrv) keys = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
            continue;
          g_object_get (child, "accelerator", &accelerator, "title", &name, NULL);
          g_assert_nonnull (accelerator);
          keys = g_strsplit (accelerator, " ", -1);
          for (guint k = 0; keys[k]; k++)
            {
              if (*keys[k] == '\0')
                continue;
              g_test_message ("  %s: %s", name, keys[k]);
              if (!is_bound (&bound, keys[k]))
                g_error ("“%s” (%s) in the shortcuts window is bound to nothing in “%s”",
                         name, keys[k], title);
              n_checked++;
            }
        }
      g_array_unref (bound.accels);
    }
  g_assert_cmpuint (n_groups, ==, G_N_ELEMENTS (groups));
  g_assert_cmpuint (n_checked, >=, 30);

  /* What it looks like. */
  {
    GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

    gtk_window_set_transient_for (GTK_WINDOW (overlay), GTK_WINDOW (window));
    gtk_window_set_default_size (GTK_WINDOW (overlay), 1024, 768);
    gtk_window_present (GTK_WINDOW (overlay));
    cl_test_ui_wait_until (cl_test_ui_widget_drawn, overlay);
    cl_test_ui_settle (300);
    cl_test_ui_save_screenshot (overlay, "shortcuts-window");
    /* It fits a 1024 × 768 screen. */
    g_assert_cmpint (gtk_widget_get_width (overlay), <=, 1024);
    g_assert_cmpint (gtk_widget_get_height (overlay), <=, 768);
    gtk_window_destroy (GTK_WINDOW (overlay));
  }

  /* Return on a free slot may have asked for a new task or booking. */
  for (;;)
    {
      GtkWindow *stray = cl_test_ui_find_toplevel (CL_TYPE_ESCORT_TASK_DIALOG);

      if (stray == NULL)
        stray = cl_test_ui_find_toplevel (CL_TYPE_VIP_BOOKING_DIALOG);
      if (stray == NULL)
        break;
      gtk_window_destroy (stray);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Mnemonics                                                           */

/* The mnemonics of the labels on screen under @widget (buttons,
 * check buttons and rows show theirs in a label): @seen maps each key
 * to the first label that has it; a second one is added to @clashes. */
static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen,
                   const char *page,
                   GPtrArray  *clashes)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        {
          const char *text = gtk_label_get_label (GTK_LABEL (widget));
          const char *first;

          keyval = gdk_keyval_to_lower (keyval);
          first = g_hash_table_lookup (seen, GUINT_TO_POINTER (keyval));
          if (first)
            g_ptr_array_add (clashes, g_strdup_printf ("%s: “%s” and “%s” share Alt+%s",
                                                       page, first, text, gdk_keyval_name (keyval)));
          else
            g_hash_table_insert (seen, GUINT_TO_POINTER (keyval), g_strdup (text));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen, page, clashes);
}

static void
check_page (GtkWidget  *root,
            const char *page,
            GPtrArray  *clashes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  cl_test_ui_wait_until (cl_test_ui_widget_drawn, root);
  cl_test_ui_settle (200);
  collect_mnemonics (root, seen, page, clashes);
  {
    g_autoptr(GString) all = g_string_new (NULL);
    GHashTableIter iter;
    gpointer text;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, NULL, &text))
      g_string_append_printf (all, " “%s”", (char *) text);
    g_test_message ("%s:%s", page, all->str);
  }
}

/* Opens the dialog of @type with @action on @widget, checks it, closes it. */
static void
check_dialog (GtkWidget  *widget,
              const char *action,
              GVariant   *param,
              GType       type,
              GPtrArray  *clashes)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action_variant (widget, action, param));
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  dialog = cl_test_ui_find_toplevel (type);
  check_page (GTK_WIDGET (dialog), g_type_name (type), clashes);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (dialog);
  cl_test_ui_settle (100);
  g_assert_null (dialog);
}

static gboolean
is_stack_with (GtkWidget     *widget,
               gconstpointer  name)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL;
}

/* Checks @dialog (each of its pages when it is a preferences window,
 * and each page of @stack_page's stack if given), then closes it. */
static void
check_window (GtkWindow  *dialog,
              const char *name,
              const char *stack_page,
              GPtrArray  *clashes)
{
  gtk_window_present (dialog);
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  if (ADW_IS_PREFERENCES_WINDOW (dialog))
    {
      GtkWidget *first = cl_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_PAGE);
      guint n = 0;

      for (GtkWidget *page = first; page; page = gtk_widget_get_next_sibling (page))
        if (ADW_IS_PREFERENCES_PAGE (page))
          {
            g_autofree char *label = g_strdup_printf ("%s, page %u", name, ++n);

            adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (dialog), ADW_PREFERENCES_PAGE (page));
            check_page (GTK_WIDGET (dialog), label, clashes);
          }
      g_assert_cmpuint (n, >=, 2);
    }
  else
    check_page (GTK_WIDGET (dialog), name, clashes);

  if (stack_page)
    {
      GtkStack *stack = GTK_STACK (cl_test_ui_find_widget_where (GTK_WIDGET (dialog), is_stack_with, stack_page));

      g_assert_nonnull (stack);
      gtk_stack_set_visible_child_name (stack, stack_page);
      {
        g_autofree char *label = g_strdup_printf ("%s, %s", name, stack_page);
        check_page (GTK_WIDGET (dialog), label, clashes);
      }
    }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (dialog);
  cl_test_ui_settle (100);
  g_assert_null (dialog);
}

/* The dialogs opened from code rather than an action of the window,
 * and the confirmations (AdwMessageDialog). */
static void
check_more_dialogs (CLWindow       *window,
                    CLDocumentList *list,
                    GPtrArray      *clashes)
{
  CLStore *store = cl_window_get_store (window);
  CLContext *context = cl_window_get_context (window);
  GtkWidget *settlement = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW);
  GtkWidget *vip = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_VIP_VIEW);
  g_autoptr(GPtrArray) staff = cl_store_query_records (store, CL_TYPE_STAFF, "deleted = 0 ORDER BY username LIMIT 1", NULL);
  g_autoptr(CLSyncClient) client = cl_sync_client_new (store);
  const char *document_id = cl_record_get_id (CL_RECORD (cl_document_list_get_document (list, 0)));
  GtkWidget *page;

  /* Log-in, and its change-password page. */
  cl_sync_client_set_server_url (client, "http://127.0.0.1:9");
  check_window (GTK_WINDOW (cl_login_dialog_new (GTK_WINDOW (window), client)), "log-in dialog", "change", clashes);

  /* A new person and one who exists. */
  g_assert_cmpuint (staff->len, ==, 1);
  check_window (GTK_WINDOW (cl_staff_dialog_new (GTK_WINDOW (window), context, NULL)), "staff dialog, new", NULL, clashes);
  check_window (GTK_WINDOW (cl_staff_dialog_new (GTK_WINDOW (window), context, g_ptr_array_index (staff, 0))),
                "staff dialog", NULL, clashes);

  /* Every page of Preferences. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (CL_TYPE_PREFERENCES_DIALOG));
  check_window (cl_test_ui_find_toplevel (CL_TYPE_PREFERENCES_DIALOG), "preferences", NULL, clashes);

  /* A report's details, and its removal. */
  check_dialog (GTK_WIDGET (list), "documents.edit", g_variant_new_string (document_id),
                CL_TYPE_DOCUMENT_EDIT_DIALOG, clashes);
  check_dialog (GTK_WIDGET (list), "documents.remove", g_variant_new_string (document_id),
                ADW_TYPE_MESSAGE_DIALOG, clashes);

  /* Her removal from the roster. */
  cl_window_show_patient (window, patient_id);
  page = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE);
  check_dialog (page, "page.remove", NULL, ADW_TYPE_MESSAGE_DIALOG, clashes);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);

  /* A VIP room, new and edited. */
  cl_window_show_view (window, "vip-rooms");
  check_dialog (vip, "vip.new-room", NULL, CL_TYPE_VIP_ROOM_DIALOG, clashes);
  check_dialog (vip, "vip.edit-room", NULL, CL_TYPE_VIP_ROOM_DIALOG, clashes);

  /* The share rate, and Close Month's confirmation. */
  cl_window_show_view (window, "settlement");
  check_dialog (settlement, "settlement.share-rate", NULL, CL_TYPE_SHARE_RATE_DIALOG, clashes);
  check_dialog (settlement, "settlement.close-month", NULL, ADW_TYPE_MESSAGE_DIALOG, clashes);

  /* Leaving her page with a change not saved: Cancel, Discard, Save. */
  cl_window_show_patient (window, patient_id);
  page = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE);
  gtk_editable_set_text (GTK_EDITABLE (cl_patient_form_get_field (cl_patient_page_get_form (CL_PATIENT_PAGE (page)), "note")),
                         "mnemonics");
  g_assert_false (cl_patient_page_can_leave (CL_PATIENT_PAGE (page)));
  cl_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  check_window (cl_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "unsaved changes", NULL, clashes);
}

static void
test_mnemonics (void)
{
  CLWindow *window = open_window (1280, 800);
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  const char *views[] = { "roster", "archive", "escorts", "vip-rooms", "settlement" };
  char *pdfs[2] = { g_build_filename (data_dir, "report-1.pdf", NULL),
                              g_build_filename (data_dir, "report-2.pdf", NULL) };
  GtkWidget *page;
  CLArchiveView *archive = CL_ARCHIVE_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_ARCHIVE_VIEW));
  CLDocumentList *list = CL_DOCUMENT_LIST (cl_archive_view_get_list (archive));
  AdwViewStack *archive_tabs = ADW_VIEW_STACK (cl_test_ui_find_widget (GTK_WIDGET (archive), ADW_TYPE_VIEW_STACK));

  /* Her archive with two reports, so that repeated rows show. */
  cl_test_pdf_write_text (pdfs[0], 2, "glucose");
  cl_test_pdf_write_text (pdfs[1], 3, "placenta");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-archive", "(ss)", patient_id, "");
  for (guint i = 0; i < 2; i++)
    {
      const char *paths[] = { pdfs[i], NULL };
      CLDocumentImportDialog *dialog = CL_DOCUMENT_IMPORT_DIALOG (cl_document_list_import_files (list, paths));

      cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
      if (i == 0)
        check_page (GTK_WIDGET (dialog), "import dialog", clashes);
      cl_document_import_dialog_set_kind (dialog, "ultrasound");
      gtk_editable_set_text (cl_document_import_dialog_get_entry (dialog, "check_date"), "2026-11-20");
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      cl_document_import_dialog_import (dialog);
      cl_test_ui_wait_until (is_null, &dialog);
    }
  g_assert_cmpuint (cl_document_list_get_n_documents (list), ==, 2);
  g_free (pdfs[0]);
  g_free (pdfs[1]);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      cl_window_show_view (window, views[i]);
      check_page (GTK_WIDGET (window), views[i], clashes);
    }
  cl_window_show_view (window, "archive");
  adw_view_stack_set_visible_child_name (archive_tabs, "orders");
  check_page (GTK_WIDGET (window), "archive, doctor’s orders", clashes);
  adw_view_stack_set_visible_child_name (archive_tabs, "reports");

  cl_window_show_patient (window, patient_id);
  page = cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_PATIENT_PAGE);
  check_page (GTK_WIDGET (window), "patient page", clashes);

  check_dialog (GTK_WIDGET (window), "win.new-patient", NULL, CL_TYPE_NEW_PATIENT_DIALOG, clashes);
  check_dialog (page, "page.enrol", NULL, CL_TYPE_ENROLMENT_DIALOG, clashes);
  check_dialog (GTK_WIDGET (cl_patient_page_get_order_list (CL_PATIENT_PAGE (page))), "orders.add", NULL,
                CL_TYPE_ORDER_DIALOG, clashes);
  check_dialog (GTK_WIDGET (window), "win.packages", NULL, CL_TYPE_PACKAGES_DIALOG, clashes);
  check_dialog (GTK_WIDGET (window), "win.staff", NULL, CL_TYPE_STAFF_WINDOW, clashes);
  check_dialog (GTK_WIDGET (window), "win.preferences", NULL, CL_TYPE_PREFERENCES_DIALOG, clashes);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  cl_window_show_view (window, "escorts");
  check_dialog (GTK_WIDGET (window), "win.new", NULL, CL_TYPE_ESCORT_TASK_DIALOG, clashes);
  cl_window_show_view (window, "vip-rooms");
  check_dialog (GTK_WIDGET (window), "win.new", NULL, CL_TYPE_VIP_BOOKING_DIALOG, clashes);
  cl_window_show_view (window, "settlement");
  check_dialog (GTK_WIDGET (window), "win.new", NULL, CL_TYPE_DEDUCTION_DIALOG, clashes);
  check_more_dialogs (window, list, clashes);

  for (guint i = 0; i < clashes->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (clashes, i));
  g_assert_cmpuint (clashes->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CLStore) store = NULL;
  int ret;

  cl_test_ui_init (&argc, &argv);

  data_dir = cl_test_make_tmp_dir ("ui-shortcuts");
  store = cl_test_store_new_demo (data_dir, "careline.db", 60, 11);
  patient_id = cl_test_store_newest_patient_id (store);
  g_clear_object (&store);

  g_test_add_func ("/ui-shortcuts/new-follows-view", test_new_follows_view);
  g_test_add_func ("/ui-shortcuts/help-overlay", test_help_overlay);
  g_test_add_func ("/ui-shortcuts/mnemonics", test_mnemonics);

  ret = g_test_run ();

  cl_test_remove_tree (data_dir);
  return ret;
}
