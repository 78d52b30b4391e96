#define G_LOG_DOMAIN "cl-followup-outcome"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-followup-outcome.h"
#include "cl-followup-worklist.h"

static const struct
{
  const char        *response;
  CLFollowupOutcome  outcome;
} responses[] = {
  { "reached", CL_FOLLOWUP_OUTCOME_REACHED },
  { "no-answer", CL_FOLLOWUP_OUTCOME_NO_ANSWER },
  { "refused", CL_FOLLOWUP_OUTCOME_REFUSED },
};

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  CLContext *context = g_object_get_data (G_OBJECT (dialog), "context");
  CLFollowupRecord *item = g_object_get_data (G_OBJECT (dialog), "item");
  GtkEditable *note = cl_followup_outcome_get_note (dialog);
  g_autoptr(CLFollowupRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      if (!g_str_equal (response, responses[i].response))
        continue;
      copy = CL_FOLLOWUP_RECORD (cl_record_dup (CL_RECORD (item)));
      if (!cl_followup_worklist_record (cl_context_get_store (context), copy, responses[i].outcome,
                                        gtk_editable_get_text (note), cl_context_get_now (context),
                                        cl_context_get_role (context), &error))
        {
          /* The asking dialog closes after its response: say why
           * nothing was written in one of its own. */
          GtkWidget *refusal = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                       _("Outcome Not Recorded"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refusal), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (refusal));
          return;
        }
    }
}

AdwMessageDialog *
cl_followup_outcome_ask (GtkWidget        *parent,
                         CLContext        *context,
                         CLFollowupRecord *item)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;
  GtkWidget *note = gtk_entry_new ();
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CL_IS_FOLLOWUP_RECORD (item), NULL);

  /* Translators: the kind of follow-up item ("Psychological support") */
  heading = g_strdup_printf (_("Record Outcome: %s"), cl_followup_kind_label (cl_followup_record_get_kind (item)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, cl_followup_record_get_content (item)));
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Action taken (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Action taken"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  adw_message_dialog_set_extra_child (dialog, note);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "refused", _("Re_fused"),
                                    "no-answer", _("_No Answer"),
                                    "reached", _("_Reached"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reached", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reached");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "context", g_object_ref (context), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (note);
  return dialog;
}

GtkEditable *
cl_followup_outcome_get_note (AdwMessageDialog *dialog)
{
  return GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "note"));
}
