#define G_LOG_DOMAIN "cl-quality-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cl-inspections-page.h"
#include "cl-quality-view.h"
#include "cl-surveys-page.h"

struct _CLQualityView
{
  GtkWidget  parent_instance;

  CLContext *context;
  GtkWidget *box;
  GtkStack  *pages;
};

G_DEFINE_FINAL_TYPE (CLQualityView, cl_quality_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Each part of the back office is a page widget of its own. */
static void
add_pages (CLQualityView *self)
{
  gtk_stack_add_titled (self->pages, cl_surveys_page_new (self->context), "surveys", _("Surveys"));
  gtk_stack_add_titled (self->pages, cl_inspections_page_new (self->context), "inspections", _("Inspections"));
}

GtkWidget *
cl_quality_view_get_page (CLQualityView *self,
                          const char    *name)
{
  g_return_val_if_fail (CL_IS_QUALITY_VIEW (self), NULL);
  return gtk_stack_get_child_by_name (self->pages, name);
}

void
cl_quality_view_show_page (CLQualityView *self,
                           const char    *name)
{
  g_return_if_fail (CL_IS_QUALITY_VIEW (self));
  gtk_stack_set_visible_child_name (self->pages, name);
}

static void
cl_quality_view_constructed (GObject *object)
{
  CLQualityView *self = CL_QUALITY_VIEW (object);

  G_OBJECT_CLASS (cl_quality_view_parent_class)->constructed (object);
  if (self->context == NULL)
    self->context = cl_context_new ();
  add_pages (self);
}

static void
cl_quality_view_dispose (GObject *object)
{
  CLQualityView *self = CL_QUALITY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CL_TYPE_QUALITY_VIEW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cl_quality_view_parent_class)->dispose (object);
}

static void
cl_quality_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CLQualityView *self = CL_QUALITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_quality_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CLQualityView *self = CL_QUALITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cl_quality_view_class_init (CLQualityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cl_quality_view_constructed;
  object_class->dispose = cl_quality_view_dispose;
  object_class->get_property = cl_quality_view_get_property;
  object_class->set_property = cl_quality_view_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, CL_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/careline/Careline/ui/quality/cl-quality-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CLQualityView, box);
  gtk_widget_class_bind_template_child (widget_class, CLQualityView, pages);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cl_quality_view_init (CLQualityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
