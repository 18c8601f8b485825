package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code status.incidents}: incidents; for now what the traffic does on its own ({@code auto}). */
public class IncidentsFactory {

  @Valid @NotNull private AutoIncidentsFactory auto = new AutoIncidentsFactory();

  @JsonProperty
  public AutoIncidentsFactory getAuto() {
    return auto;
  }

  @JsonProperty
  public void setAuto(AutoIncidentsFactory auto) {
    this.auto = auto;
  }
}
