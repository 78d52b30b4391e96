/* The Settlement view's contracts, as real GTK widgets under Xvfb on a
 * real demo store, in English and in Chinese, at 1024 × 768: the
 * guide desk's contract chosen in the header (and remembered), its
 * monthly fee refused at its field when it does not start on a first
 * day (nothing written), its deductions with their references, the fee
 * less the deductions as the amount payable, the printed statement
 * read back, and its month closed while the obstetric October stays
 * open; an administrator's contract dialog refusing an empty title and
 * adding a contract, which the dropdown then offers. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cl-contract-dialog.h"
#include "cl-contract-store.h"
#include "cl-date.h"
#include "cl-deduction-dialog.h"
#include "cl-money.h"
#include "cl-roster-view.h"
#include "cl-settlement-view.h"
#include "cl-share-rate-dialog.h"
#include "cl-test-store.h"
#include "cl-test-ui.h"
#include "cl-test-util.h"
#include "cl-window.h"

#define GUIDE CL_CONTRACT_GUIDE_DESK_ID

static char *data_dir;

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
save_and_wait (gpointer   dialog,
               gboolean (*save) (gpointer))
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
}

/* How many contract dialogs are open. */
static guint
n_contract_dialogs (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = windows; l; l = l->next)
    n += CL_IS_CONTRACT_DIALOG (l->data);
  return n;
}

static void
add_deduction (CLWindow   *window,
               const char *amount,
               const char *reason,
               const char *reference)
{
  CLDeductionDialog *dialog = cl_deduction_dialog_new (GTK_WINDOW (window), cl_window_get_context (window), "2026-10");

  cl_deduction_dialog_set_contract (dialog, GUIDE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_set_text (cl_deduction_dialog_get_entry (dialog, "amount"), amount);
  gtk_editable_set_text (cl_deduction_dialog_get_entry (dialog, "reason"), reason);
  gtk_editable_set_text (cl_deduction_dialog_get_entry (dialog, "reference"), reference);
  save_and_wait (dialog, (gboolean (*) (gpointer)) cl_deduction_dialog_save);
}

static void
test_guide_desk (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLSettlementView *view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  g_autoptr(GError) error = NULL;
  g_autofree char *payable = cl_money_format_display (4700000);
  g_autofree char *remembered = NULL;
  g_autofree char *dir = cl_test_make_tmp_dir ("ui-contracts");
  g_autofree char *pdf = g_build_filename (dir, "guide.pdf", NULL);
  g_autofree char *text = NULL;
  CLShareRateDialog *fee;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_context_set_user (context, "fin", "finance");
  cl_window_show_view (window, "settlement");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  g_assert_cmpstr (cl_settlement_view_get_contract_id (view), ==, CL_CONTRACT_OBSTETRIC_ID);
  g_assert_cmpstr (cl_settlement_view_get_month (view), ==, "2026-10");

  /* The guide desk's contract: no fee yet, and the view says so. */
  cl_settlement_view_set_contract (view, GUIDE);
  g_assert_cmpstr (cl_settlement_view_get_contract_id (view), ==, GUIDE);
  g_assert_null (cl_settlement_view_get_settlement (view));
  {
    g_autofree char *october = cl_date_format_month ("2026-10");
    g_autofree char *why = g_strdup_printf (_("No monthly fee is in force in %s; enter the fee that applies from that month first"),
                                            october);

    g_assert_cmpstr (gtk_label_get_label (cl_settlement_view_get_status_label (view)), ==, why);
    cl_test_ui_settle (200);
    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), _("No Statement for This Month")));
  }
  remembered = g_settings_get_string (cl_context_get_settings (context), "settlement-contract");
  g_assert_cmpstr (remembered, ==, GUIDE);

  /* A fee from the middle of a month is refused at its field. */
  fee = cl_share_rate_dialog_new_for_contract (GTK_WINDOW (window), context, GUIDE);
  gtk_window_present (GTK_WINDOW (fee));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, fee);
  gtk_editable_set_text (cl_share_rate_dialog_get_entry (fee, "from"), "2026-10-15");
  gtk_editable_set_text (cl_share_rate_dialog_get_entry (fee, "rate"), "50000");
  g_assert_false (cl_share_rate_dialog_save (fee));
  g_assert_cmpstr (cl_share_rate_dialog_get_error (fee, "from"), ==, _("A monthly fee applies from the first day of a month"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM share_rate WHERE contract_id = '" GUIDE "'"), ==, 0);
  gtk_editable_set_text (cl_share_rate_dialog_get_entry (fee, "from"), "2026-01-01");
  gtk_editable_set_text (cl_share_rate_dialog_get_entry (fee, "rate"), "-5");
  g_assert_false (cl_share_rate_dialog_save (fee));
  g_assert_nonnull (cl_share_rate_dialog_get_error (fee, "rate"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM share_rate WHERE contract_id = '" GUIDE "'"), ==, 0);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (fee), "contracts-fee");
  gtk_editable_set_text (cl_share_rate_dialog_get_entry (fee, "rate"), "50,000");
  save_and_wait (fee, (gboolean (*) (gpointer)) cl_share_rate_dialog_save);

  add_deduction (window, "1000", "巡查不合格（配合不力）", "XJ-2026-041");
  add_deduction (window, "2000", "整改逾期", "XJ-2026-044");
  cl_settlement_view_reload (view);
  g_assert_nonnull (cl_settlement_view_get_settlement (view));
  g_assert_true (cl_settlement_is_fixed_fee (cl_settlement_view_get_settlement (view)));
  g_assert_cmpstr (gtk_label_get_label (cl_settlement_view_get_payable_label (view)), ==, payable);
  cl_test_ui_settle (300);
  /* Each deduction with its reason, its date (the month's last day, as
   * the dialog proposes for a past month) and its reference. */
  g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), "巡查不合格（配合不力）"));
  {
    g_autofree char *date = cl_date_format_iso ("2026-10-31", CL_DATE_FULL, NULL);
    g_autofree char *subtitle = g_strdup_printf (_("%s · ref. %s"), date, "XJ-2026-041");

    g_assert_true (cl_test_ui_find_label (GTK_WIDGET (view), subtitle));
  }
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "contracts-guide-1024");

  /* The printed statement: fee less each deduction, with references. */
  g_assert_true (cl_settlement_view_export_pdf (view, pdf, &error));
  g_assert_no_error (error);
  text = cl_test_pdf_text (pdf, 0, 0);
  cl_test_assert_contains (text, _("Fixed monthly management fee"));
  cl_test_assert_contains (text, _("Less deductions"));
  cl_test_assert_contains (text, "50,000.00");
  cl_test_assert_contains (text, "47,000.00");
  cl_test_assert_contains (text, "XJ-2026-044");

  /* Its October closes; the obstetric October stays open. */
  g_assert_true (cl_settlement_view_close_month (view, &error));
  g_assert_no_error (error);
  g_assert_true (cl_settlement_get_closed (cl_settlement_view_get_settlement (view)));
  cl_settlement_view_set_contract (view, CL_CONTRACT_OBSTETRIC_ID);
  g_assert_false (cl_settlement_get_closed (cl_settlement_view_get_settlement (view)));
  cl_test_ui_settle (300);
  cl_test_ui_save_screenshot (GTK_WIDGET (window), "contracts-obstetric-1024");

  gtk_window_destroy (GTK_WINDOW (window));
  cl_test_remove_tree (dir);
}

static void
test_admin (void)
{
  CLWindow *window = CL_WINDOW (cl_test_ui_open_window (data_dir));
  CLContext *context = cl_window_get_context (window);
  CLStore *store = cl_context_get_store (context);
  CLSettlementView *view = CL_SETTLEMENT_VIEW (cl_test_ui_find_widget (GTK_WIDGET (window), CL_TYPE_SETTLEMENT_VIEW));
  CLContractDialog *dialog;
  gint64 before;
  gpointer weak;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  cl_test_ui_wait_until (cl_test_ui_roster_settled,
                         cl_roster_view_get_model (CL_ROSTER_VIEW (cl_window_get_roster_view (window))));
  cl_context_set_user (context, "fin", "finance");
  cl_window_show_view (window, "settlement");
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, view);
  /* Finance settles but does not edit contracts. */
  gtk_widget_activate_action (GTK_WIDGET (view), "settlement.new-contract", NULL);
  cl_test_ui_settle (100);
  g_assert_cmpuint (n_contract_dialogs (), ==, 0);

  cl_context_set_user (context, "admin", "admin");
  /* The administrator's menu opens the dialog (closed again here). */
  gtk_widget_activate_action (GTK_WIDGET (view), "settlement.edit-contract", NULL);
  cl_test_ui_settle (100);
  g_assert_cmpuint (n_contract_dialogs (), ==, 1);
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();

    for (GList *l = windows; l; l = l->next)
      if (CL_IS_CONTRACT_DIALOG (l->data))
        gtk_window_destroy (l->data);
  }
  before = cl_test_store_count (store, "SELECT count(*) FROM contract");
  dialog = cl_contract_dialog_new (GTK_WINDOW (window), context, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  cl_test_ui_wait_until (cl_test_ui_widget_drawn, dialog);
  gtk_editable_set_text (cl_contract_dialog_get_entry (dialog, "vendor"), "厦门某物业服务有限公司");
  g_assert_false (cl_contract_dialog_save (dialog));
  g_assert_cmpstr (cl_contract_dialog_get_error (dialog, "title"), ==, _("Enter the contract’s title"));
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contract"), ==, before);
  cl_test_ui_settle (200);
  cl_test_ui_save_screenshot (GTK_WIDGET (dialog), "contracts-dialog");

  gtk_editable_set_text (cl_contract_dialog_get_entry (dialog, "title"), "保洁服务");
  cl_contract_dialog_set_kind (dialog, 1);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (cl_settlement_view_reload), view);
  g_assert_true (cl_contract_dialog_save (dialog));
  cl_test_ui_wait_until (window_gone, &weak);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contract"), ==, before + 1);
  g_assert_cmpint (cl_test_store_count (store, "SELECT count(*) FROM contract WHERE title = '保洁服务'"
                                               " AND kind = 'fixed_monthly_fee' AND vendor = '厦门某物业服务有限公司'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  cl_test_ui_init (&argc, &argv);
  data_dir = cl_test_ui_make_demo_store ("ui-contracts", 30, 23);

  g_test_add_func ("/ui/contracts/guide-desk", test_guide_desk);
  g_test_add_func ("/ui/contracts/admin", test_admin);

  ret = g_test_run ();
  cl_test_remove_tree (data_dir);
  g_free (data_dir);
  return ret;
}
