#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Careline's translations in one language, whatever the server's own
 * locale: the patient's page speaks Chinese or English as her browser
 * asks, on a server that may run in English (or in a locale the
 * machine does not even have).  Read from the compiled catalog gettext
 * uses (LOCALEDIR/LANG/LC_MESSAGES/careline.mo), so the page's words
 * are translated in po/ like every other string. */

typedef struct _ClMessageCatalog ClMessageCatalog;

/* The catalog of @lang ("zh_CN") under @localedir; an empty one (every
 * string untranslated) when there is none or it cannot be read. */
ClMessageCatalog *cl_message_catalog_new    (const char       *localedir,
                                             const char       *lang);
void              cl_message_catalog_free   (ClMessageCatalog *self);
/* How many translations it holds. */
guint             cl_message_catalog_size   (ClMessageCatalog *self);
/* @msgid's translation, else @msgid. */
const char       *cl_message_catalog_lookup (ClMessageCatalog *self,
                                             const char       *msgid);

G_END_DECLS
