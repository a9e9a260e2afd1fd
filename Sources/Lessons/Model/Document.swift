/// The body of a lesson as a tree of GTN constructs.
///
/// PLACEHOLDER: the parsing work (Markdown + Lessons) defines the blocks; rendering (Site) walks them.
public struct Document: Sendable {
  public init() {}
}
