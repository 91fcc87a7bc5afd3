// Dossier's Cypher-like query language (DESIGN.md §5).
//
// The parse tree never leaves query/parse/: the transformer there turns it
// into the AST of query/ast.h. Whitespace and comments are skipped by the
// lexer. Keywords are case-insensitive (one fragment per letter, since the
// 4.7.2 tool has no caseInsensitive option). The shape follows openCypher's
// grammar: one rule per precedence level, patterns shared by MATCH, CREATE,
// MERGE, pattern predicates and pattern comprehensions.
grammar Cypher;

// ---------------------------------------------------------------- statements

statement
    : ( EXPLAIN | PROFILE )? regularQuery ';'? EOF
    ;

regularQuery
    : singleQuery ( unionPart )*
    ;

unionPart
    : UNION ALL? singleQuery
    ;

singleQuery
    : clause+
    ;

clause
    : matchClause
    | unwindClause
    | withClause
    | returnClause
    | createClause
    | mergeClause
    | setClause
    | removeClause
    | deleteClause
    | callClause
    ;

matchClause
    : OPTIONAL? MATCH pattern where?
    ;

unwindClause
    : UNWIND expression AS variable
    ;

withClause
    : WITH projectionBody where?
    ;

returnClause
    : RETURN projectionBody
    ;

projectionBody
    : DISTINCT? projectionItems order? skipClause? limitClause?
    ;

projectionItems
    : '*' ( ',' projectionItem )*
    | projectionItem ( ',' projectionItem )*
    ;

projectionItem
    : expression ( AS variable )?
    ;

order
    : ORDER BY sortItem ( ',' sortItem )*
    ;

skipClause
    : SKIP_ expression
    ;

limitClause
    : LIMIT expression
    ;

sortItem
    : expression ( ASCENDING | ASC | DESCENDING | DESC )?
    ;

where
    : WHERE expression
    ;

createClause
    : CREATE pattern
    ;

mergeClause
    : MERGE patternPart mergeAction*
    ;

mergeAction
    : ON ( MATCH | CREATE ) setClause
    ;

setClause
    : SET setItem ( ',' setItem )*
    ;

setItem
    : propertyExpression '=' expression   # setProperty
    | variable '=' expression             # setReplace
    | variable '+=' expression            # setMerge
    | variable nodeLabels                 # setLabels
    ;

removeClause
    : REMOVE removeItem ( ',' removeItem )*
    ;

removeItem
    : variable nodeLabels      # removeLabels
    | propertyExpression       # removeProperty
    ;

deleteClause
    : DETACH? DELETE expression ( ',' expression )*
    ;

callClause
    : CALL procedureName ( '(' ( expression ( ',' expression )* )? ')' )?
      ( YIELD ( '*' | yieldItem ( ',' yieldItem )* where? ) )?
    ;

procedureName
    : nameSpace symbolicName
    ;

yieldItem
    : ( schemaName AS )? variable
    ;

// ------------------------------------------------------------------ patterns

pattern
    : patternPart ( ',' patternPart )*
    ;

patternPart
    : ( variable '=' )? anonymousPatternPart
    ;

anonymousPatternPart
    : shortestPathPattern
    | patternElement
    ;

shortestPathPattern
    : ( SHORTESTPATH | ALLSHORTESTPATHS ) '(' patternElement ')'
    ;

patternElement
    : nodePattern ( patternElementChain )*
    | '(' patternElement ')'
    ;

patternElementChain
    : relationshipPattern nodePattern
    ;

nodePattern
    : '(' variable? nodeLabels? properties? ')'
    ;

relationshipPattern
    : leftArrowHead dash relationshipDetail? dash rightArrowHead
    | leftArrowHead dash relationshipDetail? dash
    | dash relationshipDetail? dash rightArrowHead
    | dash relationshipDetail? dash
    ;

relationshipDetail
    : '[' variable? relationshipTypes? rangeLiteral? properties? ']'
    ;

properties
    : mapLiteral
    | parameter
    ;

relationshipTypes
    : ':' relTypeName ( '|' ':'? relTypeName )*
    ;

nodeLabels
    : nodeLabel+
    ;

nodeLabel
    : ':' schemaName
    ;

rangeLiteral
    : '*' integerLiteral? ( '..' integerLiteral? )?
    ;

relTypeName
    : schemaName
    ;

leftArrowHead : '<' ;
rightArrowHead : '>' ;
dash : '-' ;

// --------------------------------------------------------------- expressions

expression
    : orExpression
    ;

orExpression
    : xorExpression ( OR xorExpression )*
    ;

xorExpression
    : andExpression ( XOR andExpression )*
    ;

andExpression
    : notExpression ( AND notExpression )*
    ;

notExpression
    : NOT* comparisonExpression
    ;

comparisonExpression
    : predicateExpression ( partialComparison )*
    ;

partialComparison
    : comparisonOperator predicateExpression
    ;

comparisonOperator
    : '=' | '<>' | '<' | '>' | '<=' | '>='
    ;

// String, list, regex and null predicates bind tighter than comparisons.
predicateExpression
    : addOrSubtractExpression ( predicateSuffix )*
    ;

predicateSuffix
    : STARTS WITH addOrSubtractExpression     # startsWithSuffix
    | ENDS WITH addOrSubtractExpression       # endsWithSuffix
    | CONTAINS addOrSubtractExpression        # containsSuffix
    | '=~' addOrSubtractExpression            # regexSuffix
    | IN addOrSubtractExpression              # inSuffix
    | IS NULL_                                 # isNullSuffix
    | IS NOT NULL_                             # isNotNullSuffix
    ;

addOrSubtractExpression
    : multiplyDivideModuloExpression ( addOrSubtractOperator multiplyDivideModuloExpression )*
    ;

addOrSubtractOperator : '+' | '-' ;

multiplyDivideModuloExpression
    : powerOfExpression ( multiplyDivideModuloOperator powerOfExpression )*
    ;

multiplyDivideModuloOperator : '*' | '/' | '%' ;

powerOfExpression
    : unaryAddOrSubtractExpression ( '^' unaryAddOrSubtractExpression )*
    ;

unaryAddOrSubtractExpression
    : postfixExpression
    | ( '+' | '-' ) unaryAddOrSubtractExpression
    ;

postfixExpression
    : atom ( postfixOperator )* nodeLabels?
    ;

postfixOperator
    : '.' schemaName                                  # propertyLookup
    | '[' expression ']'                              # subscriptOperator
    | '[' from=expression? '..' to=expression? ']'    # sliceOperator
    ;

// A property lookup as a SET/REMOVE target: `n.a.b`.
propertyExpression
    : atom ( '.' schemaName )+
    ;

atom
    : literal
    | parameter
    | caseExpression
    | COUNT '(' '*' ')'
    | listComprehension
    | patternComprehension
    | quantifierExpression
    | reduceExpression
    | existsSubquery
    | relationshipsPattern
    | parenthesizedExpression
    | functionInvocation
    | mapProjection
    | variable
    ;

literal
    : numberLiteral
    | StringLiteral
    | booleanLiteral
    | NULL_
    | mapLiteral
    | listLiteral
    ;

booleanLiteral : TRUE_ | FALSE_ ;

numberLiteral
    : doubleLiteral
    | integerLiteral
    ;

integerLiteral
    : HexInteger
    | OctalInteger
    | DecimalInteger
    ;

doubleLiteral
    : ExponentDecimalReal
    | RegularDecimalReal
    ;

listLiteral
    : '[' ( expression ( ',' expression )* )? ']'
    ;

mapLiteral
    : '{' ( mapEntry ( ',' mapEntry )* )? '}'
    ;

mapEntry
    : schemaName ':' expression
    ;

mapProjection
    : variable '{' ( mapProjectionItem ( ',' mapProjectionItem )* )? '}'
    ;

mapProjectionItem
    : '.' schemaName            # projectProperty
    | '.' '*'                   # projectAllProperties
    | schemaName ':' expression # projectLiteral
    | variable                  # projectVariable
    ;

parameter
    : '$' ( symbolicName | DecimalInteger )
    ;

caseExpression
    : CASE caseAlternative+ ( ELSE elseExpr=expression )? END              # genericCase
    | CASE subject=expression caseAlternative+ ( ELSE elseExpr=expression )? END  # simpleCase
    ;

caseAlternative
    : WHEN expression THEN expression
    ;

listComprehension
    : '[' filterExpression ( '|' expression )? ']'
    ;

patternComprehension
    : '[' ( variable '=' )? relationshipsPattern ( WHERE expression )? '|' expression ']'
    ;

quantifierExpression
    : ( ALL | ANY | NONE | SINGLE ) '(' filterExpression ')'
    ;

filterExpression
    : variable IN expression ( WHERE expression )?
    ;

reduceExpression
    : REDUCE '(' variable '=' expression ',' variable IN expression '|' expression ')'
    ;

existsSubquery
    : EXISTS '{' ( regularQuery | pattern where? ) '}'
    ;

relationshipsPattern
    : nodePattern ( patternElementChain )+
    ;

parenthesizedExpression
    : '(' expression ')'
    ;

functionInvocation
    : functionName '(' DISTINCT? ( expression ( ',' expression )* )? ')'
    ;

functionName
    : nameSpace symbolicName
    | EXISTS
    ;

nameSpace
    : ( symbolicName '.' )*
    ;

variable
    : symbolicName
    ;

// Names usable for variables, functions and procedures.
symbolicName
    : UnescapedSymbolicName
    | EscapedSymbolicName
    | COUNT
    | ANY
    | NONE
    | SINGLE
    ;

// Names for labels, relationship types, property keys and map keys: any
// word, reserved or not.
schemaName
    : symbolicName
    | reservedWord
    ;

reservedWord
    : ALL | ALLSHORTESTPATHS | AND | AS | ASC | ASCENDING | BY | CALL | CASE
    | CONTAINS | CREATE | DELETE | DESC | DESCENDING | DETACH | DISTINCT
    | ELSE | END | ENDS | EXISTS | EXPLAIN | FALSE_ | IN | IS | LIMIT | MATCH
    | MERGE | NOT | NULL_ | ON | OPTIONAL | OR | ORDER | PROFILE | REDUCE
    | REMOVE | RETURN | SET | SHORTESTPATH | SKIP_ | STARTS | THEN | TRUE_
    | UNION | UNWIND | WHEN | WHERE | WITH | XOR | YIELD
    ;

// --------------------------------------------------------------------- lexer

ALL : A L L ;
ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;
AND : A N D ;
ANY : A N Y ;
AS : A S ;
ASC : A S C ;
ASCENDING : A S C E N D I N G ;
BY : B Y ;
CALL : C A L L ;
CASE : C A S E ;
CONTAINS : C O N T A I N S ;
COUNT : C O U N T ;
CREATE : C R E A T E ;
DELETE : D E L E T E ;
DESC : D E S C ;
DESCENDING : D E S C E N D I N G ;
DETACH : D E T A C H ;
DISTINCT : D I S T I N C T ;
ELSE : E L S E ;
END : E N D ;
ENDS : E N D S ;
EXISTS : E X I S T S ;
EXPLAIN : E X P L A I N ;
FALSE_ : F A L S E ;
IN : I N ;
IS : I S ;
LIMIT : L I M I T ;
MATCH : M A T C H ;
MERGE : M E R G E ;
NONE : N O N E ;
NOT : N O T ;
NULL_ : N U L L ;
ON : O N ;
OPTIONAL : O P T I O N A L ;
OR : O R ;
ORDER : O R D E R ;
PROFILE : P R O F I L E ;
REDUCE : R E D U C E ;
REMOVE : R E M O V E ;
RETURN : R E T U R N ;
SET : S E T ;
SHORTESTPATH : S H O R T E S T P A T H ;
SINGLE : S I N G L E ;
SKIP_ : S K I P ;
STARTS : S T A R T S ;
THEN : T H E N ;
TRUE_ : T R U E ;
UNION : U N I O N ;
UNWIND : U N W I N D ;
WHEN : W H E N ;
WHERE : W H E R E ;
WITH : W I T H ;
XOR : X O R ;
YIELD : Y I E L D ;

HexInteger : '0' [xX] HexDigit+ ;
OctalInteger : '0' [oO] [0-7]+ ;
DecimalInteger : '0' | [1-9] Digit* ;

ExponentDecimalReal
    : ( Digit+ | Digit+ '.' Digit+ | '.' Digit+ ) [eE] '-'? Digit+
    ;

RegularDecimalReal
    : Digit* '.' Digit+
    ;

// A run of digits glued to letters that is no valid number (`0x`, `12ab`):
// reported as InvalidNumberLiteral by the parser front end. It only wins
// when it is longer than every valid number token at the same spot.
InvalidNumber
    : Digit [0-9a-zA-Z_]*
    ;

StringLiteral
    : '"' ( ~["\\] | '\\' . )* '"'
    | '\'' ( ~['\\] | '\\' . )* '\''
    ;

EscapedSymbolicName
    : '`' ( ~'`' | '``' )* '`'
    ;

UnescapedSymbolicName
    : IdentifierStart IdentifierPart*
    ;

WHITESPACE
    : [ \t\r\n\f\u000B\u001C-\u001F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+ -> skip
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> skip
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> skip
    ;

// Any other character: the front end reports it (so the lexer never fails).
ErrorChar
    : .
    ;

fragment IdentifierStart : [\p{L}\p{Nl}_] ;
fragment IdentifierPart : [\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}] ;
fragment Digit : [0-9] ;
fragment HexDigit : [0-9a-fA-F] ;

fragment A : [aA] ;
fragment B : [bB] ;
fragment C : [cC] ;
fragment D : [dD] ;
fragment E : [eE] ;
fragment F : [fF] ;
fragment G : [gG] ;
fragment H : [hH] ;
fragment I : [iI] ;
fragment J : [jJ] ;
fragment K : [kK] ;
fragment L : [lL] ;
fragment M : [mM] ;
fragment N : [nN] ;
fragment O : [oO] ;
fragment P : [pP] ;
fragment Q : [qQ] ;
fragment R : [rR] ;
fragment S : [sS] ;
fragment T : [tT] ;
fragment U : [uU] ;
fragment V : [vV] ;
fragment W : [wW] ;
fragment X : [xX] ;
fragment Y : [yY] ;
fragment Z : [zZ] ;
