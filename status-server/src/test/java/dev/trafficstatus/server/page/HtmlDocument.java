package dev.trafficstatus.server.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A served page parsed with the JDK's XML parser, which it must satisfy: the renderer writes HTML5
 * that is also well-formed XML. Elements are found by XPath on their plain names.
 */
public final class HtmlDocument {

  private final Document document;

  private final XPath xpath = XPathFactory.newInstance().newXPath();

  private HtmlDocument(Document document) {
    this.document = document;
  }

  /**
   * Parses a page; fails the test when it is not well-formed.
   *
   * @param body the page's bytes, UTF-8
   * @return the parsed page
   */
  public static HtmlDocument parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return new HtmlDocument(builder.parse(new ByteArrayInputStream(body)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /**
   * Every element an expression finds.
   *
   * @param context the document or an element to search from
   * @param expression XPath
   * @return the elements, in document order
   */
  List<Element> all(Object context, String expression) {
    try {
      NodeList nodes = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
      List<Element> elements = new ArrayList<>(nodes.getLength());
      for (int i = 0; i < nodes.getLength(); i++) {
        elements.add((Element) nodes.item(i));
      }
      return elements;
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }

  public List<Element> all(String expression) {
    return all(document, expression);
  }

  /**
   * The one element an expression finds; fails the test when it finds none or several.
   *
   * @param context the document or an element to search from
   * @param expression XPath
   * @return the element
   */
  Element one(Object context, String expression) {
    List<Element> found = all(context, expression);
    if (found.size() != 1) {
      throw new AssertionError("expected one match of " + expression + ", found " + found.size());
    }
    return found.get(0);
  }

  public Element one(String expression) {
    return one(document, expression);
  }

  /**
   * An element's text with runs of white space collapsed, as a browser shows it.
   *
   * @param element the element
   * @return its text
   */
  public static String text(Element element) {
    return element.getTextContent().replaceAll("\\s+", " ").strip();
  }
}
