/// PLACEHOLDER: local stand-ins for Galaxy servers.
public enum GalaxyStandIn {}
