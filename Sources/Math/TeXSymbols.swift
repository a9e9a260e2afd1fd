/// The commands that stand for one symbol, grouped by the MathML element they become.
enum TeXSymbols {
  /// Greek letters and other symbols written as `<mi>` (identifiers). Capital Greek is upright, as in TeX.
  static let identifiers: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς",
    "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅", "varnothing": "∅",
    "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "imath": "ı", "jmath": "ȷ", "wp": "℘",
  ]

  /// Capital Greek: `<mi mathvariant="normal">`.
  static let uprightIdentifiers: [String: String] = [
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
  ]

  /// Binary operators, relations, arrows and punctuation: `<mo>`.
  static let operators: [String: String] = [
    "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆", "circ": "∘",
    "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "odot": "⊙", "oslash": "⊘", "cup": "∪",
    "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "neg": "¬", "lnot": "¬",
    "cdots": "⋯", "ldots": "…", "dots": "…", "vdots": "⋮", "ddots": "⋱", "forall": "∀", "exists": "∃",
    "nexists": "∄", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "leqslant": "⩽", "geqslant": "⩾", "ne": "≠",
    "neq": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "ll": "≪",
    "gg": "≫", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
    "supseteq": "⊇", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
    "Leftarrow": "⇐", "leftrightarrow": "↔", "Leftrightarrow": "⇔", "iff": "⟺", "implies": "⟹",
    "impliedby": "⟸", "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵", "Longrightarrow": "⟹",
    "Longleftarrow": "⟸", "uparrow": "↑", "downarrow": "↓", "perp": "⊥", "parallel": "∥", "mid": "∣",
    "nmid": "∤", "vdash": "⊢", "models": "⊨", "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰",
    "triangleq": "≜", "doteq": "≐", "colon": ":", "prime": "′", "angle": "∠", "triangle": "△", "top": "⊤",
    "bot": "⊥", "therefore": "∴", "because": "∵", "bmod": "mod", "lhd": "⊲", "rhd": "⊳", "dagger": "†",
    "ddagger": "‡", "smallsetminus": "∖", "uplus": "⊎", "sqcup": "⊔", "sqcap": "⊓", "diamond": "⋄",
    "coloneqq": "≔", "leftrightarrows": "⇆", "rightleftharpoons": "⇌", "hookrightarrow": "↪",
    "nearrow": "↗", "searrow": "↘", "lessapprox": "⪅", "gtrsim": "≳", "lesssim": "≲",
  ]

  /// Delimiters, usable after `\left`, `\right`, `\big…` and alone (then not stretchy).
  static let delimiters: [String: String] = [
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "{": "{", "}": "}",
    "lbrace": "{", "rbrace": "}", "|": "‖", "vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|", "lVert": "‖",
    "rVert": "‖", "backslash": "\\", "lbrack": "[", "rbrack": "]", "ulcorner": "⌜", "urcorner": "⌝",
  ]

  /// Characters that are delimiters when written as themselves.
  static let delimiterCharacters: Set<Unicode.Scalar> = ["(", ")", "[", "]", "|", "/"]

  /// Big operators whose limits go under and over in display style (`<munderover>`, movable in text style).
  static let largeOperators: [String: String] = [
    "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    "bigodot": "⨀", "bigvee": "⋁", "bigwedge": "⋀", "bigsqcup": "⨆", "biguplus": "⨄",
  ]

  /// Integrals: limits as sub- and superscripts unless `\limits`.
  static let integrals: [String: String] = [
    "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "intop": "∫",
  ]

  /// Function names written upright (`<mi>sin</mi>`).
  static let functions: Set<String> = [
    "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "arcsin", "arccos", "arctan", "log",
    "ln", "lg", "exp", "deg", "dim", "hom", "ker", "arg",
  ]

  /// Function names whose subscript goes under them in display style (`\lim_{x \to 0}`).
  static let limitFunctions: Set<String> = [
    "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det", "gcd", "Pr", "argmax", "argmin",
  ]

  /// Spacing commands and their widths.
  static let spaces: [String: String] = [
    ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
    ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em", "negthinspace": "-0.1667em", "quad": "1em",
    "qquad": "2em", " ": "0.25em", "enspace": "0.5em",
  ]

  /// Escaped characters: `\%` is a percent sign.
  static let escapedCharacters: Set<String> = ["%", "$", "&", "#", "_"]

  /// Accents over (or under) their argument: the mark, and whether it stretches to the argument's width.
  static let accents: [String: (mark: String, stretchy: Bool, under: Bool)] = [
    "hat": ("^", false, false), "widehat": ("^", true, false), "bar": ("¯", false, false),
    "overline": ("‾", true, false), "tilde": ("~", false, false), "widetilde": ("~", true, false),
    "vec": ("→", false, false), "overrightarrow": ("→", true, false), "overleftarrow": ("←", true, false),
    "dot": ("˙", false, false), "ddot": ("¨", false, false), "check": ("ˇ", false, false),
    "breve": ("˘", false, false), "acute": ("´", false, false), "grave": ("`", false, false),
    "mathring": ("˚", false, false), "underline": ("_", true, true), "overbrace": ("⏞", true, false),
    "underbrace": ("⏟", true, true),
  ]

  /// `\big(` and friends: the size of the delimiter that follows.
  static let bigSizes: [String: String] = [
    "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em", "Big": "1.623em", "Bigl": "1.623em",
    "Bigr": "1.623em", "Bigm": "1.623em", "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em",
    "biggm": "2.047em", "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em", "Biggm": "2.470em",
  ]

  /// Commands TeX uses only for layout that MathML does without; they are read and dropped.
  static let ignored: Set<String> = ["nonumber", "notag", "hline", "relax", "scriptstyle", "scriptscriptstyle"]
}
