#define G_LOG_DOMAIN "cl-discharge-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-discharge-import-dialog.h"
#include "cl-discharge-import.h"

struct _CLDischargeImportDialog
{
  AdwWindow parent_instance;

  /* widgets */
  GtkLabel     *result_label;
  GtkListBox   *problems_list;
  GtkWidget    *problems_scroller;
  GtkWidget    *choose_button;

  /* owned */
  CLContext            *context;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (CLDischargeImportDialog, cl_discharge_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_result (CLDischargeImportDialog *self,
             const char              *text,
             gboolean                 ok)
{
  gtk_label_set_label (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
    }
}

gboolean
cl_discharge_import_dialog_import_bytes (CLDischargeImportDialog *self,
                                         GBytes                  *contents)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gsize length;
  const char *data;
  guint n = 0;

  g_return_val_if_fail (CL_IS_DISCHARGE_IMPORT_DIALOG (self), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);
  gtk_widget_set_visible (self->problems_scroller, FALSE);

  data = g_bytes_get_data (contents, &length);
  if (!cl_discharge_import_csv (cl_context_get_store (self->context), data, length,
                                cl_context_get_role (self->context), &n, &problems, &error))
    {
      show_result (self, error->message, FALSE);
      for (guint i = 0; problems && i < problems->len; i++)
        {
          GtkWidget *label = gtk_label_new (g_ptr_array_index (problems, i));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_set_margin_top (label, 6);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_list_box_append (self->problems_list, label);
        }
      gtk_widget_set_visible (self->problems_scroller, problems && problems->len > 0);
      return FALSE;
    }
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u discharge imported; its call is on the list",
                                    "%u discharges imported; their calls are on the list", n), n);

    show_result (self, text, TRUE);
  }
  g_signal_emit (self, signals[IMPORTED], 0, n);
  return TRUE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CLDischargeImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, error->message, FALSE);
      return;
    }
  contents = g_bytes_new_take (data, length);
  cl_discharge_import_dialog_import_bytes (self, contents);
}

static void
chooser_response_cb (CLDischargeImportDialog *self,
                     int                      response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file)
    g_file_load_contents_async (file, self->cancellable, loaded_cb, g_object_ref (self));
}

static void
choose_clicked_cb (CLDischargeImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  self->chooser = gtk_file_chooser_native_new (_("Choose the Hospital System’s Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cl_discharge_import_dialog_dispose (GObject *object)
{
  CLDischargeImportDialog *self = CL_DISCHARGE_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (cl_discharge_import_dialog_parent_class)->dispose (object);
}

static void
cl_discharge_import_dialog_finalize (GObject *object)
{
  CLDischargeImportDialog *self = CL_DISCHARGE_IMPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cl_discharge_import_dialog_parent_class)->finalize (object);
}

static void
cl_discharge_import_dialog_class_init (CLDischargeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_discharge_import_dialog_dispose;
  object_class->finalize = cl_discharge_import_dialog_finalize;
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cl_discharge_import_dialog_init (CLDischargeImportDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("Choose the CSV file of discharges exported from the hospital system. "
                                      "It needs a header row with the columns name, phone, ID number, "
                                      "department, admission date, discharge date and diagnosis (or their "
                                      "Chinese names, such as 姓名 and 出院日期), in UTF-8 or GBK. If any row "
                                      "is wrong, nothing is imported and each wrong row is listed below."));

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Import Discharges"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 480);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  self->choose_button = gtk_button_new_with_mnemonic (_("_Choose File…"));
  gtk_widget_set_halign (self->choose_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->choose_button, "suggested-action");
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->choose_button);

  self->result_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->result_label, TRUE);
  gtk_label_set_xalign (self->result_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Import result"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_label));

  self->problems_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problems_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->problems_list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows to correct"), -1);
  self->problems_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->problems_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->problems_scroller), GTK_WIDGET (self->problems_list));
  gtk_widget_set_vexpand (self->problems_scroller, TRUE);
  gtk_widget_set_visible (self->problems_scroller, FALSE);
  gtk_box_append (GTK_BOX (box), self->problems_scroller);

  gtk_box_append (GTK_BOX (toolbar), box);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

CLDischargeImportDialog *
cl_discharge_import_dialog_new (GtkWindow *parent,
                                CLContext *context)
{
  CLDischargeImportDialog *self;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);

  self = g_object_new (CL_TYPE_DISCHARGE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->context = g_object_ref (context);
  return self;
}

const char *
cl_discharge_import_dialog_get_result (CLDischargeImportDialog *self)
{
  g_return_val_if_fail (CL_IS_DISCHARGE_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_label (self->result_label);
}

guint
cl_discharge_import_dialog_get_n_problems (CLDischargeImportDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (CL_IS_DISCHARGE_IMPORT_DIALOG (self), 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list)); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

const char *
cl_discharge_import_dialog_get_problem (CLDischargeImportDialog *self,
                                        guint                    i)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CL_IS_DISCHARGE_IMPORT_DIALOG (self), NULL);
  row = gtk_list_box_get_row_at_index (self->problems_list, i);
  return row ? gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))) : NULL;
}
