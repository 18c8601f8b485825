package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statsig's urls.cfg: key=url per line. */
class UrlsFileTest {

  private static List<UrlsFile.Entry> parse(String... lines) {
    return UrlsFile.parse("urls.cfg", List.of(lines));
  }

  @Test
  void aLineIsSplitAtItsFirstEqualsSoQueriesKeepTheirs() {
    List<UrlsFile.Entry> entries = parse("key=https://x/y?a=b&c=d");

    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.key()).isEqualTo("key");
      assertThat(entry.url().uri()).isEqualTo(URI.create("https://x/y?a=b&c=d"));
      assertThat(entry.line()).isEqualTo(1);
    });
  }

  @Test
  void theStatsigExampleParsesInOrder() {
    assertThat(parse("google=https://google.com", "statsig=https://statsig.com"))
        .extracting(UrlsFile.Entry::key, entry -> entry.url().uri().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("google", "https://google.com"),
            org.assertj.core.groups.Tuple.tuple("statsig", "https://statsig.com"));
  }

  @Test
  void blankLinesCommentsSpacesWindowsLineEndsAndAByteOrderMarkAreIgnored() {
    List<UrlsFile.Entry> entries =
        parse("\uFEFF# my services", "", "   ", "  api = https://api.example.com/health  \r", "#old=https://gone/");

    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.key()).isEqualTo("api");
      assertThat(entry.url().uri()).isEqualTo(URI.create("https://api.example.com/health"));
      assertThat(entry.line()).isEqualTo(4);
    });
  }

  @Test
  void aHashInsideAUrlIsPartOfIt() {
    assertThat(parse("docs=https://example.com/page#section").get(0).url().uri().getFragment())
        .isEqualTo("section");
  }

  @Test
  void aLineWithoutEqualsNamesItsLineNumber() {
    assertThatThrownBy(() -> parse("# header", "google=https://google.com", "https://statsig.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("urls.cfg line 3: expected key=url, but the line has no '='");
  }

  @Test
  void anEmptyKeyOrUrlNamesItsLineNumber() {
    assertThatThrownBy(() -> parse("=https://google.com"))
        .hasMessage("urls.cfg line 1: the key before '=' is empty");
    assertThatThrownBy(() -> parse("google=https://google.com", "statsig= "))
        .hasMessageStartingWith("urls.cfg line 2: the URL of 'statsig' is empty");
  }

  @Test
  void aUrlThatIsNotHttpNamesItsLineButNotTheUrl() {
    assertThatThrownBy(() -> parse("files=ftp://me:hunter22@files.example.com/"))
        .hasMessageStartingWith("urls.cfg line 1: the URL of 'files' is not an absolute http:// or https:// URL")
        .hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> parse("spaces=https://example.com/a b"))
        .hasMessageStartingWith("urls.cfg line 1: the URL of 'spaces' is not a valid URL");
  }

  @Test
  void aDuplicateKeyNamesBothLines() {
    assertThatThrownBy(() -> parse("google=https://google.com", "", "google=https://google.de"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("urls.cfg line 3: the key 'google' is already used on line 1");
  }
}
