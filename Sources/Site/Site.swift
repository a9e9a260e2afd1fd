/// PLACEHOLDER: rendering lessons into pages.
public enum Site {}
