#define G_LOG_DOMAIN "cl-print-settings"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "cl-export.h"
#include "cl-print-settings.h"

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "careline", "print-settings.ini", NULL);
}

void
cl_print_settings_prepare (GtkPrintOperation *op)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  g_return_if_fail (GTK_IS_PRINT_OPERATION (op));

  /* The drawing functions work in points from the page's top left. */
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, FALSE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);

  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_key_file (file, NULL, NULL);
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_key_file (file, NULL, NULL);

      if (settings)
        gtk_print_operation_set_print_settings (op, settings);
      if (setup)
        gtk_print_operation_set_default_page_setup (op, setup);
    }
  if (gtk_print_operation_get_default_page_setup (op) == NULL)
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, a4);
      gtk_print_operation_set_default_page_setup (op, setup);
    }
}

void
cl_print_settings_save (GtkPrintOperation *op)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *setup;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (op));

  settings = gtk_print_operation_get_print_settings (op);
  setup = gtk_print_operation_get_default_page_setup (op);
  if (settings)
    gtk_print_settings_to_key_file (settings, file, NULL);
  if (setup)
    gtk_page_setup_to_key_file (setup, file, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (file, path, &error))
    g_warning ("Could not keep the print settings in %s: %s", path,
               error ? error->message : g_strerror (errno));
}

void
cl_print_settings_propose_file (GtkPrintOperation *op,
                                const char        *file_name)
{
  GtkPrintSettings *kept;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GFile) folder = cl_export_folder ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *safe = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (op));
  g_return_if_fail (file_name != NULL);

  kept = gtk_print_operation_get_print_settings (op);
  settings = kept ? gtk_print_settings_copy (kept) : gtk_print_settings_new ();
  /* A name is one path component, whatever a patient's name holds. */
  safe = g_strdelimit (g_strdup (file_name), "/\\", '-');
  file = g_file_get_child (folder, safe);
  uri = g_file_get_uri (file);
  /* Without it Print to File offers output.pdf in the working folder,
   * or the last document's name. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (op, settings);
}

gboolean
cl_print_settings_run (GtkPrintOperation *op,
                       GtkWindow         *parent,
                       GError           **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (op), FALSE);

  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    cl_print_settings_save (op);
  return TRUE;
}

typedef struct
{
  gpointer          data;
  GDestroyNotify    destroy;
  ClPrintPagesFunc  n_pages;
  ClPrintDrawFunc   draw;
} Printable;

static void
printable_free (gpointer user_data,
                GClosure *closure)
{
  Printable *printable = user_data;

  if (printable->destroy)
    printable->destroy (printable->data);
  g_free (printable);
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                Printable         *printable)
{
  gtk_print_operation_set_n_pages (op, printable->n_pages (printable->data,
                                                           gtk_print_context_get_width (context),
                                                           gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              Printable         *printable)
{
  printable->draw (printable->data, gtk_print_context_get_cairo_context (context),
                   gtk_print_context_get_width (context),
                   gtk_print_context_get_height (context), page);
}

GtkPrintOperation *
cl_print_operation_new (const char       *job_name,
                        const char       *file_name,
                        ClPrintPagesFunc  n_pages,
                        ClPrintDrawFunc   draw,
                        gpointer          data,
                        GDestroyNotify    destroy)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  Printable *printable = g_new0 (Printable, 1);

  printable->data = data;
  printable->destroy = destroy;
  printable->n_pages = n_pages;
  printable->draw = draw;
  gtk_print_operation_set_job_name (op, job_name);
  cl_print_settings_prepare (op);
  if (file_name)
    cl_print_settings_propose_file (op, file_name);
  else
    {
      g_autofree char *name = g_strconcat (job_name, ".pdf", NULL);

      cl_print_settings_propose_file (op, name);
    }
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), printable);
  g_signal_connect_data (op, "draw-page", G_CALLBACK (draw_page_cb), printable, printable_free, 0);
  return op;
}
