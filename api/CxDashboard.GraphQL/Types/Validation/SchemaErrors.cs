namespace CxDashboard.GraphQL.Types;

/// <summary>
/// Every schema problem message, in one place. Where graphql-js reports the same problem (validateSchema,
/// assertName, buildASTSchema) the words are graphql-js's, so conformance runs can compare them.
/// </summary>
internal static class SchemaErrors
{
    // ---- names ----
    public static string EmptyName() => "Names must not be empty.";
    public static string NameStart(string name) => $"Names must start with [_a-zA-Z] but \"{name}\" does not.";
    public static string NameChars(string name) => $"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.";
    public static string ReservedName(string name) => $"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.";
    public static string DuplicateType(string name) => $"Schema must contain uniquely named types but contains multiple types named \"{name}\".";
    public static string DuplicateDirective(string name) => $"Directive \"@{name}\" can only be defined once.";

    // ---- root operation types ----
    public static string QueryMissing() => "Query root type must be provided.";
    public static string RootNotObject(string operation, string typeName) =>
        $"{operation} root type must be Object type{(operation == "Query" ? "" : " if provided")}, it cannot be {typeName}.";
    public static string RootShared(string typeName, string operations) =>
        $"All root types must be different, \"{typeName}\" type is used as {operations} root types.";

    // ---- references made by the code-first builder ----
    public static string UnknownType(string name, string where) => $"Unknown type \"{name}\" referenced by {where}.";
    public static string InvalidReference(string message, string where) => $"{message} (in {where})";
    public static string MissingType(string where) => $"{where} has no type: give it one with .Type(\"…\").";
    public static string CannotInfer(string clrType, string where, bool input) =>
        $"Cannot infer a GraphQL type for CLR type \"{clrType}\" of {where}: register {(input ? "an InputObjectTypeDefinition" : "an ObjectTypeDefinition")}<{clrType}> or give the type with .Type(\"…\").";
    public static string AmbiguousClrType(string clrType, string first, string second, string where) =>
        $"CLR type \"{clrType}\" of {where} is bound to both {first} and {second}: give the type with .Type(\"…\").";
    public static string BadDefault(string where, string type, string reason) =>
        $"Default value of {where} cannot be represented as {type}: {reason}";
    public static string NotInterface(string typeName, string ifaceName) =>
        $"Type {typeName} must only implement Interface types, it cannot implement {ifaceName}.";
    public static string UnionMemberNotObject(string union, string member) =>
        $"Union type {union} can only include Object types, it cannot include {member}.";

    // ---- objects and interfaces (§3.6, §3.7) ----
    public static string NoFields(string typeName) => $"Type {typeName} must define one or more fields.";
    public static string FieldNotOutput(string typeName, string field, string type) =>
        $"The type of {typeName}.{field} must be Output Type but got: {type}.";
    public static string ArgumentNotInput(string typeName, string field, string arg, string type) =>
        $"The type of {typeName}.{field}({arg}:) must be Input Type but got: {type}.";
    public static string RequiredArgumentDeprecated(string typeName, string field, string arg) =>
        $"Required argument {typeName}.{field}({arg}:) cannot be deprecated.";
    public static string DuplicateArgument(string typeName, string field, string arg) =>
        $"Argument \"{typeName}.{field}({arg}:)\" can only be defined once.";
    public static string ImplementsItself(string typeName) =>
        $"Type {typeName} cannot implement itself because it would create a circular reference.";
    public static string ImplementsTwice(string typeName, string iface) => $"Type {typeName} can only implement {iface} once.";
    public static string InterfaceCycle(string typeName, string iface) =>
        $"Type {typeName} cannot implement {iface} because it would create a circular reference.";
    public static string MissingTransitive(string typeName, string transitive, string iface) =>
        $"Type {typeName} must implement {transitive} because it is implemented by {iface}.";
    public static string MissingInterfaceField(string iface, string field, string typeName) =>
        $"Interface field {iface}.{field} expected but {typeName} does not provide it.";
    public static string InterfaceFieldType(string iface, string field, string ifaceType, string typeName, string actual) =>
        $"Interface field {iface}.{field} expects type {ifaceType} but {typeName}.{field} is type {actual}.";
    public static string MissingInterfaceArgument(string iface, string field, string arg, string typeName) =>
        $"Interface field argument {iface}.{field}({arg}:) expected but {typeName}.{field} does not provide it.";
    public static string InterfaceArgumentType(string iface, string field, string arg, string ifaceType, string typeName, string actual) =>
        $"Interface field argument {iface}.{field}({arg}:) expects type {ifaceType} but {typeName}.{field}({arg}:) is type {actual}.";
    public static string ExtraRequiredArgument(string typeName, string field, string arg, string iface) =>
        $"Object field {typeName}.{field} includes required argument {arg} that is missing from the Interface field {iface}.{field}.";

    // ---- unions, enums, input objects (§3.8–3.10) ----
    public static string NoUnionMembers(string union) => $"Union type {union} must define one or more member types.";
    public static string DuplicateUnionMember(string union, string member) => $"Union type {union} can only include type {member} once.";
    public static string NoEnumValues(string enumName) => $"Enum type {enumName} must define one or more values.";
    public static string ReservedEnumValue(string enumName, string value) => $"Enum values cannot be named: {value} (enum {enumName}).";
    public static string NoInputFields(string typeName) => $"Input Object type {typeName} must define one or more fields.";
    public static string InputFieldNotInput(string typeName, string field, string type) =>
        $"The type of {typeName}.{field} must be Input Type but got: {type}.";
    public static string RequiredInputFieldDeprecated(string typeName, string field) =>
        $"Required input field {typeName}.{field} cannot be deprecated.";
    public static string InputCycle(string typeName, string path) =>
        $"Cannot reference Input Object \"{typeName}\" within itself through a series of non-null fields: \"{path}\".";

    // ---- directives (§3.13) ----
    public static string DirectiveNoLocations(string name) => $"Directive @{name} must include 1 or more locations.";
    public static string DirectiveArgumentNotInput(string directive, string arg, string type) =>
        $"The type of @{directive}({arg}:) must be Input Type but got: {type}.";
    public static string DirectiveRequiredArgumentDeprecated(string directive, string arg) =>
        $"Required argument @{directive}({arg}:) cannot be deprecated.";
    public static string DirectiveDuplicateArgument(string directive, string arg) =>
        $"Argument \"@{directive}({arg}:)\" can only be defined once.";
}
