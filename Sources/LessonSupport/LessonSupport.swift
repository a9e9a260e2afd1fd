@_exported import Charts
@_exported import HTTP

/// PLACEHOLDER: what lesson cells import beside Multiprocessing (charts' `show()`, HTTP helpers).
public enum LessonSupport {}
