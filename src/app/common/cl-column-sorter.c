#define G_LOG_DOMAIN "cl-column-sorter"

#include "config.h"

#include "cl-column-sorter.h"

struct _CLColumnSorter
{
  GtkSorter parent_instance;

  int key;
};

G_DEFINE_FINAL_TYPE (CLColumnSorter, cl_column_sorter, GTK_TYPE_SORTER)

/* Only touched on the main thread, during a probe. */
static int probe_hit = -1;
static gboolean probing;

static GtkOrdering
cl_column_sorter_compare (GtkSorter *sorter,
                          gpointer   item1,
                          gpointer   item2)
{
  CLColumnSorter *self = CL_COLUMN_SORTER (sorter);

  if (!probing)
    return GTK_ORDERING_EQUAL;

  if (probe_hit < 0)
    probe_hit = self->key;
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
cl_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
cl_column_sorter_class_init (CLColumnSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = cl_column_sorter_compare;
  sorter_class->get_order = cl_column_sorter_get_order;
}

static void
cl_column_sorter_init (CLColumnSorter *self)
{
}

CLColumnSorter *
cl_column_sorter_new (int key)
{
  CLColumnSorter *self = g_object_new (CL_TYPE_COLUMN_SORTER, NULL);

  self->key = key;
  return self;
}

int
cl_column_sorter_probe (GtkSorter *view_sorter,
                        gboolean  *descending)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), -1);

  probing = TRUE;
  probe_hit = -1;
  order = gtk_sorter_compare (view_sorter, a, b);
  probing = FALSE;

  if (descending)
    *descending = order == GTK_ORDERING_LARGER;
  return probe_hit;
}
