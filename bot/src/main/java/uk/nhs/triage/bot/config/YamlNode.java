package uk.nhs.triage.bot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a YAML configuration file that knows its file and key path, so every complaint about it
 * says exactly where the problem is. Used for every YAML file the bot reads.
 */
public final class YamlNode {
  private static final YAMLMapper MAPPER = yamlMapper();

  private final Path file;
  private final String path;
  private final JsonNode node;

  private YamlNode(Path file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  private static YAMLMapper yamlMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /** Reads a YAML file whose top level is a mapping. */
  public static YamlNode read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ConfigException(file, "", "file not found or not readable");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
      throw new ConfigException(file, "", where + "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file, "", "cannot read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(file, "", "the file is empty");
    }
    YamlNode top = new YamlNode(file, "", root);
    top.requireMapping();
    return top;
  }

  public Path file() {
    return file;
  }

  public String path() {
    return path;
  }

  public boolean present() {
    return !node.isMissingNode() && !node.isNull();
  }

  public ConfigException error(String problem) {
    return new ConfigException(file, path, problem);
  }

  /** Fails on any key of this mapping that is not one of {@code allowed}. */
  public void allowOnly(String... allowed) {
    requireMapping();
    Set<String> known = Set.of(allowed);
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw get(name).error("unknown key (expected one of " + new TreeSet<>(known) + ")");
      }
    }
  }

  public YamlNode get(String key) {
    JsonNode child = node.isObject() ? node.get(key) : null;
    return new YamlNode(
        file,
        path.isEmpty() ? key : path + "." + key,
        child == null ? MissingNode.getInstance() : child);
  }

  /** A key that must be there. */
  public YamlNode required(String key) {
    YamlNode child = get(key);
    if (!child.present()) {
      throw child.error("missing required key");
    }
    return child;
  }

  public String text() {
    if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
      throw error("expected text but found " + kind());
    }
    String text = node.asText().strip();
    if (text.isEmpty()) {
      throw error("must not be empty");
    }
    return text;
  }

  public String requiredText(String key) {
    return required(key).text();
  }

  /** The text under {@code key}, or {@code fallback} when the key is absent. */
  public String text(String key, String fallback) {
    YamlNode child = get(key);
    return child.present() ? child.text() : fallback;
  }

  public boolean bool(String key, boolean fallback) {
    YamlNode child = get(key);
    if (!child.present()) {
      return fallback;
    }
    if (!child.node.isBoolean()) {
      throw child.error("expected true or false but found " + child.kind());
    }
    return child.node.booleanValue();
  }

  /** The items of a list; an absent key is an empty list. */
  public List<YamlNode> list() {
    if (!present()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw error("expected a list but found " + kind());
    }
    List<YamlNode> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(new YamlNode(file, path + "[" + i + "]", node.get(i)));
    }
    return items;
  }

  /** The entries of a mapping, in file order; an absent key is an empty mapping. */
  public Map<String, YamlNode> entries() {
    if (!present()) {
      return Map.of();
    }
    requireMapping();
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      entries.put(name, get(name));
    }
    return entries;
  }

  /** A mapping of text to text, e.g. credentials or options. */
  public Map<String, String> textMap() {
    Map<String, String> result = new LinkedHashMap<>();
    entries().forEach((key, value) -> result.put(key, value.text()));
    return result;
  }

  private void requireMapping() {
    if (!node.isObject()) {
      throw error("expected a mapping of keys to values but found " + kind());
    }
  }

  private String kind() {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    return "'" + node.asText() + "'";
  }
}
