package dev.trafficstatus.server.jersey;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Serves an annotated resource instance under a path chosen at run time (the configured page
 * prefix, the configured API path), keeping its methods, their annotations, name bindings and media
 * types. JAX-RS fixes {@code @Path} at compile time; Jersey's programmatic model lets the bundle
 * place the page and the API wherever the host wants.
 */
public final class RelocatedResource {

  private RelocatedResource() {}

  /**
   * Rebuilds the resource models of instances' classes under another root path, as one resource.
   *
   * @param path the root path, such as {@code /status}
   * @param handlers the instances whose methods answer; their classes carry a placeholder
   *     {@code @Path}, and no two of them answer the same sub-path
   * @return the resource to register with Jersey
   */
  public static Resource at(String path, Object... handlers) {
    Resource.Builder root = Resource.builder(path);
    for (Object handler : handlers) {
      Resource annotated = Resource.from(handler.getClass());
      copyMethods(annotated, root, handler);
      for (Resource child : annotated.getChildResources()) {
        copyMethods(child, root.addChildResource(child.getPath()), handler);
      }
    }
    return root.build();
  }

  private static void copyMethods(Resource from, Resource.Builder to, Object handler) {
    for (ResourceMethod method : from.getResourceMethods()) {
      to.addMethod(method).handledBy(handler, method.getInvocable().getHandlingMethod());
    }
  }
}
