internal import CSystemShims

/// The executable and shared libraries mapped into this process.
public enum LoadedImages {
  /// Whether `address` lies in a loaded image (`dladdr`): static data of the program, such as a type's
  /// metadata, as opposed to heap memory.
  public static func contains(_ address: UnsafeRawPointer) -> Bool {
    csys_address_in_loaded_image(address) != 0
  }
}
