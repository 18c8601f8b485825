package dev.trafficstatus.server.jersey;

import jakarta.ws.rs.core.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Fails the host's start when one of its own resources lies at or under a path the bundle serves
 * (the page's prefix, the API's path): otherwise the bundle would silently answer requests meant for
 * the host. Runs when Jersey builds its resource model, which holds every resource by then, the
 * host's included; the message names the host's resource and the setting to change.
 */
public final class PathCollisionCheck implements ModelProcessor {

  private final Map<String, String> ownPaths;
  private final Set<Class<?>> ownResources;

  /**
   * @param ownPaths each path the bundle serves, such as {@code /status}, and the setting that
   *     places it, such as {@code status.page.prefix}
   * @param ownResources the classes of the bundle's resources, which may of course lie there
   */
  public PathCollisionCheck(Map<String, String> ownPaths, Set<Class<?>> ownResources) {
    this.ownPaths = Map.copyOf(ownPaths);
    this.ownResources = Set.copyOf(ownResources);
  }

  @Override
  public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
    List<String> collisions = new ArrayList<>();
    for (Resource resource : model.getResources()) {
      check(resource, "", collisions);
    }
    if (!collisions.isEmpty()) {
      throw new IllegalStateException(
          "Traffic Status would answer requests meant for this application: "
              + String.join("; ", collisions));
    }
    return model;
  }

  @Override
  public ResourceModel processSubResource(ResourceModel subResourceModel, Configuration configuration) {
    return subResourceModel;
  }

  private void check(Resource resource, String parent, List<String> collisions) {
    String path = join(parent, resource.getPath());
    List<ResourceMethod> methods = new ArrayList<>(resource.getResourceMethods());
    if (resource.getResourceLocator() != null) {
      methods.add(resource.getResourceLocator());
    }
    for (ResourceMethod method : methods) {
      Class<?> handler = method.getInvocable().getHandler().getHandlerClass();
      if (ownResources.contains(handler) || method.isExtended()) {
        continue;
      }
      ownPaths.forEach(
          (own, setting) -> {
            if (path.equals(own) || path.startsWith(own + "/")) {
              String collision =
                  handler.getName() + " serves " + path + ", which lies at " + setting + " ("
                      + own + "); set " + setting + " to a path of its own";
              if (!collisions.contains(collision)) {
                collisions.add(collision);
              }
            }
          });
    }
    for (Resource child : resource.getChildResources()) {
      check(child, path, collisions);
    }
  }

  /** Joins @Path values as Jersey does, without the regular expressions of template parameters. */
  private static String join(String parent, String path) {
    if (path == null || path.isEmpty()) {
      return parent.isEmpty() ? "/" : parent;
    }
    StringBuilder joined = new StringBuilder(parent.equals("/") ? "" : parent);
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        joined.append('/').append(withoutRegex(segment));
      }
    }
    return joined.length() == 0 ? "/" : joined.toString();
  }

  private static String withoutRegex(String segment) {
    int colon = segment.indexOf(':');
    return segment.startsWith("{") && colon > 0 ? segment.substring(0, colon).strip() + "}" : segment;
  }

  @Override
  public String toString() {
    return "PathCollisionCheck" + Objects.toString(ownPaths.keySet());
  }
}
