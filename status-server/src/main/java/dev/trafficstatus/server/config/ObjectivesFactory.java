package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.objective.BurnPair;
import dev.trafficstatus.core.objective.Objective;
import dev.trafficstatus.core.objective.ObjectiveSettings;
import dev.trafficstatus.spi.InvalidSettingException;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status.objectives}: service level objectives over the traffic, their error budgets and
 * burn-rate alerts. Defaults and bounds are {@link ObjectiveSettings}'s.
 */
@ValidSettings
public class ObjectivesFactory implements SettingsBlock {

  private static final ObjectiveSettings DEFAULTS = ObjectiveSettings.defaults();

  @Valid @NotNull private List<ObjectiveFactory> list = new ArrayList<>();

  @Valid @NotNull private List<BurnPairFactory> pairs =
      new ArrayList<>(DEFAULTS.pairs().stream().map(BurnPairFactory::of).toList());

  @NotNull private BigDecimal clearBelow = DEFAULTS.clearBelow();

  @NotNull private Duration currentBurn = ConfigDurations.of(DEFAULTS.currentBurn());

  /** The objectives. */
  @JsonProperty
  public List<ObjectiveFactory> getList() {
    return list;
  }

  @JsonProperty
  public void setList(List<ObjectiveFactory> list) {
    this.list = list;
  }

  /** The burn-rate pairs every objective is judged by. */
  @JsonProperty
  public List<BurnPairFactory> getPairs() {
    return pairs;
  }

  @JsonProperty
  public void setPairs(List<BurnPairFactory> pairs) {
    this.pairs = pairs;
  }

  /** A firing pair clears when a window burns below this share of its factor. */
  @JsonProperty
  public BigDecimal getClearBelow() {
    return clearBelow;
  }

  @JsonProperty
  public void setClearBelow(BigDecimal clearBelow) {
    this.clearBelow = clearBelow;
  }

  /** The window of the burn the page shows. */
  @JsonProperty
  public Duration getCurrentBurn() {
    return currentBurn;
  }

  @JsonProperty
  public void setCurrentBurn(Duration currentBurn) {
    this.currentBurn = currentBurn;
  }

  /**
   * The settings.
   *
   * @return the settings
   * @throws InvalidSettingException naming the key and what is wrong
   */
  public ObjectiveSettings build() {
    List<Objective> objectives = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ObjectiveFactory objective = list.get(i);
      try {
        objectives.add(objective.build());
      } catch (IllegalArgumentException refused) {
        String problem = refused instanceof InvalidSettingException invalid
            ? invalid.setting() + " " + invalid.problem() : refused.getMessage();
        throw new InvalidSettingException("list[" + i + "]",
            (objective.getName() == null ? "" : "'" + objective.getName() + "': ") + problem);
      }
    }
    List<BurnPair> built = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      try {
        built.add(pairs.get(i).build());
      } catch (InvalidSettingException refused) {
        throw new InvalidSettingException("pairs[" + i + "]." + refused.setting(), refused.problem());
      }
    }
    return new ObjectiveSettings(objectives, built, clearBelow, currentBurn.toJavaDuration());
  }

  @Override
  public void check() {
    build();
  }
}
