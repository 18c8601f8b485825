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
   * Rebuilds the resource model of an instance's class under another root path.
   *
   * @param path the root path, such as {@code /status}
   * @param handler the instance whose methods answer; its class carries a placeholder {@code @Path}
   * @return the resource to register with Jersey
   */
  public static Resource at(String path, Object handler) {
    Resource annotated = Resource.from(handler.getClass());
    Resource.Builder root = Resource.builder(path);
    copyMethods(annotated, root, handler);
    for (Resource child : annotated.getChildResources()) {
      copyMethods(child, root.addChildResource(child.getPath()), handler);
    }
    return root.build();
  }

  private static void copyMethods(Resource from, Resource.Builder to, Object handler) {
    for (ResourceMethod method : from.getResourceMethods()) {
      to.addMethod(method).handledBy(handler, method.getInvocable().getHandlingMethod());
    }
  }
}
