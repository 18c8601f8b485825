#!/usr/bin/env bash
# Dropwizard's own example application as the bundle's host (issue 23 names it): builds
# dropwizard-example from a Dropwizard checkout, the same app with the bundle added
# (bench/startup/dropwizard-example/WithStatusApplication.java, the README's two lines), and the two
# configuration files, into one folder that `bench/startup.sh -H FOLDER` starts instead of hello-world.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/dropwizard-example.sh [-o DIR] DROPWIZARD_CHECKOUT

DROPWIZARD_CHECKOUT is a clone of https://github.com/dropwizard/dropwizard on its release/5.0.x
branch (the example as released with 5.0.1). The example is copied, not changed in place, and
built against Dropwizard 5.0.1 as this project is, with these changes to its pom and sources:
  - the dropwizard-bom and dropwizard-dependencies 5.0.1 imported instead of its parent's SNAPSHOT;
  - dropwizard-views-freemarker and -mustache at 5.0.0, as this project's pom pins the latter;
  - without dropwizard-metrics-graphite (not served by every registry; not at 5.0.x here) and so
    without example.yml's metrics: block, which only reports to a Graphite server on localhost;
  - without its tests, their dependencies and JaCoCo; without Checker Framework's @Nullable
    (an annotation its parent pom brings).
Then it compiles WithStatusApplication (and UnvalidatedStatusApplication, the same without
validating the block, for startup.sh -w) against the example's jar and this project's hello-world jar
(which must be built: mvn -B -q package -DskipTests), and writes:
  DIR/dropwizard-example.jar   the example, shaded, as its own build makes it
  DIR/with/                    WithStatusApplication's and UnvalidatedStatusApplication's classes
  DIR/without.yml              example.yml, its H2 database and keystore at absolute paths
  DIR/with-status.yml          the same plus the status: block (the store at ${STATUS_DB_URL})
  DIR/example.mv.db            the example's own H2 database, migrated (its db migrate command)
  DIR/classpath                the example's jar, then hello-world.jar (the bundle and its
                               plugins: the example's copy of every shared library comes first)

options:
  -o DIR        where it goes (default bench/target/dropwizard-example)
  -h            this text
EOF
}

out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || { usage >&2; exit 2; }
checkout="$(cd "$1" && pwd)"
[[ -f "$checkout/dropwizard-example/pom.xml" ]] || { echo "no dropwizard-example/pom.xml in $checkout" >&2; exit 1; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
hello="$repo/examples/hello-world/target/hello-world.jar"
[[ -f "$hello" ]] || { echo "no $hello; build it first (mvn -B -q package -DskipTests)" >&2; exit 1; }
for tool in mvn javac python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool on the PATH" >&2; exit 1; }
done
out="${out:-$repo/bench/target/dropwizard-example}"
# Replaces an earlier run's folder, never anything else.
if [[ -e "$out" ]]; then
  if [[ -f "$out/classpath" && -f "$out/with-status.yml" ]] || [[ -d "$out" && -z "$(ls -A "$out")" ]]; then
    rm -rf "$out"
  else
    echo "$out exists and is not an earlier run of this script; give another -o" >&2
    exit 1
  fi
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
source="$out/source"
cp -r "$checkout/dropwizard-example" "$source"
rm -rf "$source/src/test" "$source/target"

python3 - "$source" "$out" <<'EOF'
import pathlib, re, sys
source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pom = (source / "pom.xml").read_text()
pom = re.sub(r"(<artifactId>dropwizard-dependencies</artifactId>\s*<version>)[^<]*", r"\g<1>5.0.1", pom)
pom = pom.replace("<dependencyManagement>\n        <dependencies>",
    "<dependencyManagement>\n        <dependencies>\n            <dependency><groupId>io.dropwizard</groupId>"
    "<artifactId>dropwizard-bom</artifactId><version>5.0.1</version><type>pom</type>"
    "<scope>import</scope></dependency>", 1)
pom = re.sub(r"(<artifactId>dropwizard-views-(?:freemarker|mustache)</artifactId>)", r"\1<version>5.0.0</version>", pom)
pom = re.sub(r"<dependency>\s*<groupId>io.dropwizard</groupId>\s*<artifactId>dropwizard-metrics-graphite</artifactId>.*?</dependency>", "", pom, flags=re.S)
pom = re.sub(r"<dependency>(?:(?!</dependency>).)*?<scope>test</scope>(?:(?!</dependency>).)*?</dependency>", "", pom, flags=re.S)
pom = re.sub(r"<plugin>\s*<groupId>org.jacoco</groupId>.*?</plugin>", "", pom, flags=re.S)
if "dropwizard-bom" not in pom or "metrics-graphite" in pom:
    sys.exit("the example's pom is not as expected: see bench/dropwizard-example.sh -h")
(source / "pom.xml").write_text(pom)
for java in source.rglob("*.java"):
    text = java.read_text()
    if "org.checkerframework" in text:
        text = re.sub(r"import org\.checkerframework\.[^;]*;\n", "", text).replace("@Nullable ", "")
        java.write_text(text)

config = (source / "example.yml").read_text()
config = re.sub(r"\nmetrics:\n(?:[ #].*\n|\n)*", "\n", config)
config = config.replace("url: jdbc:h2:./target/example", "url: jdbc:h2:%s/example" % out)
config = config.replace("keyStorePath: example.keystore", "keyStorePath: %s/example.keystore" % source)
if "metrics:" in config or "./target/example" in config:
    sys.exit("the example's example.yml is not as expected: see bench/dropwizard-example.sh -h")
(out / "without.yml").write_text(config)
(out / "with-status.yml").write_text(config + """
# The bundle's block, as the README's "Add it to your own app" gives it.
status:
  store:
    type: jdbi
    database:
      url: ${STATUS_DB_URL}
      user: ${STATUS_DB_USER:-sa}
      password: "${STATUS_DB_PASSWORD:-}"
  page:
    prefix: /status
""")
EOF

(cd "$source" && mvn -B -q -DskipTests package)
cp "$source"/target/dropwizard-example-*.jar "$out/dropwizard-example.jar"
mkdir -p "$out/with"
javac -d "$out/with" -cp "$out/dropwizard-example.jar:$hello" \
  "$repo"/bench/startup/dropwizard-example/*.java
echo "$out/dropwizard-example.jar:$hello:$out/with" >"$out/classpath"
# The example's README: its database is migrated before its first start.
java -jar "$out/dropwizard-example.jar" db migrate "$out/without.yml" >"$out/migrate.log" 2>&1 ||
  { echo "the example's db migrate failed; see $out/migrate.log" >&2; exit 1; }
echo "ready: bench/startup.sh -H $out"
