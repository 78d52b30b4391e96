/* cl-message-catalog.c
 *
 * A gettext catalog read on its own (cl-message-catalog.h): the .mo
 * format is a header, a table of original strings and a table of
 * translations, each entry a length and an offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cl-server"

#include "config.h"

#include <string.h>

#include "cl-message-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _ClMessageCatalog
{
  GBytes     *bytes;
  GHashTable *strings;   /* msgid → translation, pointing into bytes */
};

static guint32
read_u32 (const guchar *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Entry @i of the table at @table: its string, or NULL when it does not
 * lie inside the file or is not terminated. */
static const char *
entry (const guchar *data,
       gsize         size,
       guint32       table,
       guint32       i,
       gboolean      swapped)
{
  guint64 at = (guint64) table + (guint64) i * 8;
  guint32 length, offset;

  if (at + 8 > size)
    return NULL;
  length = read_u32 (data, at, swapped);
  offset = read_u32 (data, at + 4, swapped);
  if ((guint64) offset + length + 1 > size || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static void
parse (ClMessageCatalog *self)
{
  gsize size;
  const guchar *data = g_bytes_get_data (self->bytes, &size);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < 20)
    return;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);

  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = entry (data, size, originals, i, swapped);
      const char *msgstr = entry (data, size, translations, i, swapped);

      /* The header has an empty msgid; a plural's msgid is its
       * singular (the plural follows the NUL), and so is its first
       * translation. */
      if (msgid && msgstr && *msgid && *msgstr)
        g_hash_table_insert (self->strings, (gpointer) msgid, (gpointer) msgstr);
    }
}

ClMessageCatalog *
cl_message_catalog_new (const char *localedir,
                        const char *lang)
{
  ClMessageCatalog *self = g_new0 (ClMessageCatalog, 1);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
  if (localedir && lang)
    {
      path = g_build_filename (localedir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (!g_file_get_contents (path, &contents, &length, &error))
        g_message ("The %s translations could not be read, so pages in %s show English: %s",
                   lang, lang, error->message);
    }
  self->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  parse (self);
  return self;
}

void
cl_message_catalog_free (ClMessageCatalog *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->strings);
  g_bytes_unref (self->bytes);
  g_free (self);
}

guint
cl_message_catalog_size (ClMessageCatalog *self)
{
  return g_hash_table_size (self->strings);
}

const char *
cl_message_catalog_lookup (ClMessageCatalog *self,
                           const char       *msgid)
{
  const char *translated;

  if (self == NULL)
    return msgid;
  translated = g_hash_table_lookup (self->strings, msgid);
  return translated ? translated : msgid;
}
