#define G_LOG_DOMAIN "cl-context"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-context.h"
#include "cl-date.h"
#include "cl-schedule.h"

struct _CLContext
{
  GObject       parent_instance;

  /* owned */
  CLStore      *store;
  CLSyncClient *sync;
  GSettings    *settings;
  char         *username;
  char         *role;
};

G_DEFINE_FINAL_TYPE (CLContext, cl_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SYNC_CLIENT,
  PROP_SETTINGS,
  PROP_USERNAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_user (CLContext  *self,
             const char *username,
             const char *role)
{
  if (username == NULL && self->store)
    username = cl_store_get_actor (self->store);
  if (role == NULL)
    role = CL_CONTEXT_LOCAL_ROLE;

  /* Both are set before either is announced, so a view that reads the
   * pair on either notification sees them agree. */
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->username, username) != 0)
    {
      g_free (self->username);
      self->username = g_strdup (username);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
    }
  if (g_strcmp0 (self->role, role) != 0)
    {
      g_free (self->role);
      self->role = g_strdup (role);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
sync_user_cb (CLContext *self)
{
  update_user (self, cl_sync_client_get_username (self->sync),
               cl_sync_client_get_role (self->sync));
}

static void
cl_context_dispose (GObject *object)
{
  CLContext *self = CL_CONTEXT (object);

  if (self->sync)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cl_context_parent_class)->dispose (object);
}

static void
cl_context_finalize (GObject *object)
{
  CLContext *self = CL_CONTEXT (object);

  g_free (self->username);
  g_free (self->role);

  G_OBJECT_CLASS (cl_context_parent_class)->finalize (object);
}

static void
cl_context_constructed (GObject *object)
{
  CLContext *self = CL_CONTEXT (object);

  G_OBJECT_CLASS (cl_context_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
}

static void
cl_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CLContext *self = CL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNC_CLIENT:
      g_value_set_object (value, self->sync);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CLContext *self = CL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cl_context_set_store (self, g_value_get_object (value));
      break;
    case PROP_SYNC_CLIENT:
      cl_context_set_sync_client (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_context_class_init (CLContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cl_context_dispose;
  object_class->finalize = cl_context_finalize;
  object_class->constructed = cl_context_constructed;
  object_class->get_property = cl_context_get_property;
  object_class->set_property = cl_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_CLIENT] =
    g_param_spec_object ("sync-client", NULL, NULL, CL_TYPE_SYNC_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The application's settings unless given others. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, CL_CONTEXT_LOCAL_ROLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cl_context_init (CLContext *self)
{
  self->role = g_strdup (CL_CONTEXT_LOCAL_ROLE);
}

CLContext *
cl_context_new (void)
{
  return g_object_new (CL_TYPE_CONTEXT, NULL);
}

CLStore *
cl_context_get_store (CLContext *self)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), NULL);
  return self->store;
}

void
cl_context_set_store (CLContext *self,
                      CLStore   *store)
{
  g_return_if_fail (CL_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || CL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  /* Without a session the desk's own user works. */
  if (self->sync)
    sync_user_cb (self);
  else
    update_user (self, NULL, NULL);
}

CLSyncClient *
cl_context_get_sync_client (CLContext *self)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), NULL);
  return self->sync;
}

void
cl_context_set_sync_client (CLContext    *self,
                            CLSyncClient *sync)
{
  g_return_if_fail (CL_IS_CONTEXT (self));
  g_return_if_fail (sync == NULL || CL_IS_SYNC_CLIENT (sync));

  if (self->sync == sync)
    return;
  if (self->sync)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (sync)
    {
      g_signal_connect_object (sync, "notify::username", G_CALLBACK (sync_user_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "notify::role", G_CALLBACK (sync_user_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_CLIENT]);
  if (sync)
    sync_user_cb (self);
  else
    update_user (self, NULL, NULL);
}

GSettings *
cl_context_get_settings (CLContext *self)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), NULL);
  return self->settings;
}

const char *
cl_context_get_username (CLContext *self)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), NULL);
  return self->username;
}

const char *
cl_context_get_role (CLContext *self)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), NULL);
  return self->role;
}

void
cl_context_set_user (CLContext  *self,
                     const char *username,
                     const char *role)
{
  g_return_if_fail (CL_IS_CONTEXT (self));
  update_user (self, username, role);
}

gboolean
cl_context_may (CLContext  *self,
                ClAccess    access,
                const char *table)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), FALSE);
  return cl_tables_role_may (self->role, access, table);
}

void
cl_context_get_today (CLContext *self,
                      GDate     *out)
{
  g_return_if_fail (CL_IS_CONTEXT (self));
  cl_date_today (out);
}

gint64
cl_context_get_now (CLContext *self)
{
  g_return_val_if_fail (CL_IS_CONTEXT (self), 0);
  return cl_schedule_now ();
}
