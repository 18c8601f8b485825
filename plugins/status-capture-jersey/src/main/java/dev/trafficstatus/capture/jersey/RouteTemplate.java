package dev.trafficstatus.capture.jersey;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Route templates as the status page shows them: the {@code @Path} values of a resource method's
 * enclosing resources joined, then normalized. Only called when a route is first declared, never
 * per request, so it may build strings freely.
 */
final class RouteTemplate {

  private RouteTemplate() {}

  /**
   * The raw path of a method within its own resource model: the paths of its enclosing resources,
   * top-down.
   *
   * @param method a resource method or sub-resource locator
   * @param subResourceModel whether the method belongs to a model a locator returned; Jersey
   *     ignores the top resource's own {@code @Path} there (it matches from where the locator left
   *     off), so we do too
   * @return the joined, not yet normalized path; empty when there is none
   */
  static String within(ResourceMethod method, boolean subResourceModel) {
    return pathOf(method.getParent(), subResourceModel);
  }

  private static String pathOf(Resource resource, boolean subResourceModel) {
    if (resource == null) {
      return "";
    }
    Resource parent = resource.getParent();
    if (parent == null) {
      return subResourceModel ? "" : nullToEmpty(resource.getPath());
    }
    return join(pathOf(parent, subResourceModel), resource.getPath());
  }

  /**
   * Appends a path to a prefix; slashes are sorted out by {@link #normalize(String)}.
   *
   * @param prefix the raw prefix, possibly empty
   * @param path the raw path to append, possibly null or empty
   * @return the raw joined path
   */
  static String join(String prefix, String path) {
    if (path == null || path.isEmpty()) {
      return prefix;
    }
    return prefix + '/' + path;
  }

  /**
   * Normalizes a raw template: a leading {@code /}, no trailing {@code /} (except for the root
   * {@code /}), no empty segments, and parameters without their regular expressions, so that
   * {@code orders//{id: [0-9]{1,5}}/} becomes {@code /orders/{id}}.
   *
   * @param raw the joined {@code @Path} values
   * @return the template
   */
  static String normalize(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 1);
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '/') {
        i++;
        continue;
      }
      out.append('/');
      while (i < raw.length() && raw.charAt(i) != '/') {
        if (raw.charAt(i) == '{') {
          i = appendParameter(raw, i, out);
        } else {
          out.append(raw.charAt(i++));
        }
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /**
   * Copies {@code {name}} or {@code {name: regex}} as {@code {name}}. The regex may itself hold
   * braces ({@code \d{3}}) and slashes, so the end is the brace that balances the opening one.
   *
   * @return the index just after the parameter
   */
  private static int appendParameter(String raw, int open, StringBuilder out) {
    int depth = 0;
    int nameEnd = -1;
    int i = open;
    for (; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          break;
        }
      } else if (c == ':' && depth == 1 && nameEnd < 0) {
        nameEnd = i;
      }
    }
    int end = Math.min(i, raw.length());
    String name = raw.substring(open + 1, nameEnd < 0 ? end : nameEnd).trim();
    out.append('{').append(name).append('}');
    return end + 1;
  }

  private static String nullToEmpty(String path) {
    return path == null ? "" : path;
  }
}
