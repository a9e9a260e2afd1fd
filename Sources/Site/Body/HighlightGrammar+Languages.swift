/// The tables for the languages lessons use most besides Swift and Python: shell, R, YAML, JSON, XML/HTML, SQL
/// and Dockerfile. All of them go through the table-driven lexer (`CodeLexer+Generic`) except XML/HTML.
extension HighlightGrammar {
  static let shell = HighlightGrammar(
    family: .generic,
    keywords: set(
      "if then else elif fi case esac for select while until do done in function time return exit break continue local export readonly declare unset shift source alias set trap"
    ),
    builtins: set(
      "echo printf cd pwd ls cp mv rm mkdir rmdir cat grep sed awk cut sort uniq head tail wc find xargs tar gzip gunzip curl wget chmod chown ln touch test true false read eval exec kill sleep env which git conda mamba pip python python3 swift docker make sudo apt-get apt tee less zcat"
    ),
    lineComments: [[35]], commentAtWordStartOnly: true, quotes: [34, 39, 96], escapingQuotes: [34, 96],
    multilineStrings: true, identifierExtras: [45], dollarVariables: true)

  static let r = HighlightGrammar(
    family: .generic,
    keywords: set(
      "if else repeat while function for in next break return TRUE FALSE NULL Inf NaN NA NA_integer_ NA_real_ NA_character_"
    ),
    builtins: set(
      "c library require print cat paste paste0 length seq rep list vector matrix data.frame factor levels nrow ncol head tail summary str mean median sd var sum min max range apply lapply sapply vapply mapply names colnames rownames subset merge read.csv read.table write.csv ggplot aes geom_point geom_line geom_bar plot hist is.na which unique table sort order"
    ),
    lineComments: [[35]], quotes: [34, 39, 96], escapingQuotes: [34, 39], multilineStrings: true,
    identifierExtras: [46])

  static let yaml = HighlightGrammar(
    family: .generic,
    keywords: set("true false yes no on off null True False Yes No On Off Null TRUE FALSE NULL"),
    builtins: set(""),
    lineComments: [[35]], commentAtWordStartOnly: true, quotes: [34, 39], escapingQuotes: [34],
    identifierExtras: [45, 46], colonKeys: true, stringKeys: true)

  static let json = HighlightGrammar(
    family: .generic,
    keywords: set("true false null"),
    builtins: set(""),
    blockComment: (open: Array("/*".utf8), close: Array("*/".utf8)), quotes: [34], escapingQuotes: [34],
    stringKeys: true)

  static let markup = HighlightGrammar(family: .markup, keywords: set(""), builtins: set(""))

  static let sql = HighlightGrammar(
    family: .generic,
    keywords: set(
      "select from where and or not in is null like between as join inner left right outer full cross on group by order having limit offset union all distinct insert into values update set delete create table view index drop alter add column primary key foreign references unique default check constraint if exists case when then else end with recursive asc desc true false begin commit rollback transaction returning using natural over partition"
    ),
    builtins: set(
      "count sum avg min max coalesce cast lower upper length substr substring trim round abs now date integer int text varchar char real float double boolean numeric serial bigint"
    ),
    lineComments: [[45, 45]], blockComment: (open: Array("/*".utf8), close: Array("*/".utf8)),
    quotes: [39, 34, 96], multilineStrings: true, caseInsensitive: true)

  static let dockerfile = HighlightGrammar(
    family: .generic,
    keywords: set(
      "from run cmd label maintainer expose env add copy entrypoint volume user workdir arg onbuild stopsignal healthcheck shell as"
    ),
    builtins: set("apt-get apk pip conda mamba curl wget echo cd mkdir rm chmod"),
    lineComments: [[35]], commentAtWordStartOnly: true, quotes: [34, 39], escapingQuotes: [34],
    caseInsensitive: true, identifierExtras: [45], dollarVariables: true)
}
