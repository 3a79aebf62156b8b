using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Validation;

/// <summary>
/// The schema validation tests run against: graphql-js's validation test schema (Dog, Cat, Pet, Canine,
/// Mammal, Human, ComplicatedArgs, the @on… directives) plus the types of the spec's §5 examples
/// (Sentient, Alien, DogOrHuman, HumanOrAlien, FindDogInput, CatCommand) and a subscription root.
/// Built with the low-level type classes so it does not depend on the schema builder.
/// </summary>
internal static class ValidationTestSchema
{
    public static Schema Instance { get; } = Build();

    private static ScalarType S => BuiltInScalars.String;
    private static ScalarType I => BuiltInScalars.Int;
    private static ScalarType B => BuiltInScalars.Boolean;

    private static FieldDefinition F(string name, GraphQLType type, params InputValueDefinition[] args)
    {
        var f = new FieldDefinition(name, type);
        f.Arguments.AddRange(args);
        return f;
    }

    private static InputValueDefinition A(string name, GraphQLType type, ValueNode? defaultValue = null) =>
        new(name, type) { DefaultValue = defaultValue };

    private static NonNullType NN(GraphQLType t) => new(t);

    private static ListType L(GraphQLType t) => new(t);

    private static EnumType Enum(string name, params string[] values)
    {
        var e = new EnumType(name);
        foreach (var v in values) e.AddValue(new EnumValueDefinition(v, v));
        return e;
    }

    private static Schema Build()
    {
        var mammal = new InterfaceType("Mammal");
        var pet = new InterfaceType("Pet");
        var canine = new InterfaceType("Canine");
        var sentient = new InterfaceType("Sentient");
        var dog = new ObjectType("Dog");
        var cat = new ObjectType("Cat");
        var human = new ObjectType("Human");
        var alien = new ObjectType("Alien");
        var dogCommand = Enum("DogCommand", "SIT", "HEEL", "DOWN");
        var catCommand = Enum("CatCommand", "JUMP");
        var furColor = Enum("FurColor", "BROWN", "BLACK", "TAN", "SPOTTED", "NO_FUR", "UNKNOWN");

        mammal.AddField(F("mother", mammal));
        mammal.AddField(F("father", mammal));
        pet.AddField(F("name", S, A("surname", B)));
        canine.Interfaces.Add(mammal);
        canine.AddField(F("name", S, A("surname", B)));
        canine.AddField(F("mother", canine));
        canine.AddField(F("father", canine));
        sentient.AddField(F("name", S, A("surname", B)));

        dog.Interfaces.AddRange([pet, mammal, canine]);
        dog.AddField(F("name", S, A("surname", B)));
        dog.AddField(F("nickname", S));
        dog.AddField(F("barkVolume", I));
        dog.AddField(F("barks", B));
        dog.AddField(F("doesKnowCommand", B, A("dogCommand", dogCommand)));
        dog.AddField(F("isHouseTrained", B, A("atOtherHomes", B, new BooleanValueNode { Value = true })));
        dog.AddField(F("isAtLocation", B, A("x", I), A("y", I)));
        dog.AddField(F("mother", dog));
        dog.AddField(F("father", dog));
        dog.AddField(F("owner", human));

        cat.Interfaces.Add(pet);
        cat.AddField(F("name", S, A("surname", B)));
        cat.AddField(F("nickname", S));
        cat.AddField(F("meows", B));
        cat.AddField(F("meowsVolume", I));
        cat.AddField(F("furColor", furColor));
        cat.AddField(F("doesKnowCommand", B, A("catCommand", catCommand)));

        human.Interfaces.Add(sentient);
        human.AddField(F("name", S, A("surname", B)));
        human.AddField(F("pets", L(pet)));
        human.AddField(F("relatives", NN(L(human))));
        human.AddField(F("iq", I));

        alien.Interfaces.Add(sentient);
        alien.AddField(F("name", S, A("surname", B)));
        alien.AddField(F("homePlanet", S));
        alien.AddField(F("iq", NN(I))); // Int! against Human's Int: a nullability-only conflict

        var catOrDog = new UnionType("CatOrDog") { Types = { cat, dog } };
        var dogOrHuman = new UnionType("DogOrHuman") { Types = { dog, human } };
        var humanOrAlien = new UnionType("HumanOrAlien") { Types = { human, alien } };

        var complexInput = new InputObjectType("ComplexInput");
        complexInput.AddField(A("requiredField", NN(B)));
        complexInput.AddField(A("nonNullField", NN(B), new BooleanValueNode { Value = false }));
        complexInput.AddField(A("intField", I));
        complexInput.AddField(A("stringField", S));
        complexInput.AddField(A("booleanField", B));
        complexInput.AddField(A("stringListField", L(S)));

        var findDogInput = new InputObjectType("FindDogInput");
        findDogInput.AddField(A("name", S));
        findDogInput.AddField(A("owner", S));

        var args = new ObjectType("ComplicatedArgs");
        args.AddField(F("intArgField", S, A("intArg", I)));
        args.AddField(F("nonNullIntArgField", S, A("nonNullIntArg", NN(I))));
        args.AddField(F("stringArgField", S, A("stringArg", S)));
        args.AddField(F("booleanArgField", S, A("booleanArg", B)));
        args.AddField(F("enumArgField", S, A("enumArg", furColor)));
        args.AddField(F("floatArgField", S, A("floatArg", BuiltInScalars.Float)));
        args.AddField(F("idArgField", S, A("idArg", BuiltInScalars.ID)));
        args.AddField(F("stringListArgField", S, A("stringListArg", L(S))));
        args.AddField(F("stringListNonNullArgField", S, A("stringListNonNullArg", L(NN(S)))));
        args.AddField(F("complexArgField", S, A("complexArg", complexInput)));
        args.AddField(F("multipleReqs", S, A("req1", NN(I)), A("req2", NN(I))));
        args.AddField(F("nonNullFieldWithDefault", S, A("arg", NN(I), new IntValueNode { Value = "0" })));
        args.AddField(F("multipleOpts", S, A("opt1", I, new IntValueNode { Value = "0" }), A("opt2", I, new IntValueNode { Value = "0" })));
        args.AddField(F("multipleOptAndReq", S, A("req1", NN(I)), A("req2", NN(I)),
            A("opt1", I, new IntValueNode { Value = "0" }), A("opt2", I, new IntValueNode { Value = "0" })));

        var query = new ObjectType("QueryRoot");
        query.AddField(F("human", human, A("id", BuiltInScalars.ID)));
        query.AddField(F("alien", alien));
        query.AddField(F("dog", dog));
        query.AddField(F("cat", cat));
        query.AddField(F("pet", pet));
        query.AddField(F("catOrDog", catOrDog));
        query.AddField(F("dogOrHuman", dogOrHuman));
        query.AddField(F("humanOrAlien", humanOrAlien));
        query.AddField(F("sentient", sentient));
        query.AddField(F("findDog", dog, A("searchBy", findDogInput)));
        query.AddField(F("complicatedArgs", args));

        var mutation = new ObjectType("MutationRoot");
        mutation.AddField(F("mutateDog", dog, A("name", S)));

        var message = new ObjectType("Message");
        message.AddField(F("body", S));
        message.AddField(F("sender", S));
        var subscription = new ObjectType("SubscriptionRoot");
        foreach (var name in new[] { "importantEmails", "notImportantEmails", "moreImportantEmails", "spamEmails", "deletedEmails" })
            subscription.AddField(F(name, L(S)));
        subscription.AddField(F("newMessage", message));

        DirectiveDefinition D(string name, DirectiveLocation location) => new(name, location);
        var directives = new List<DirectiveDefinition>(BuiltInDirectives.All)
        {
            D("onQuery", DirectiveLocation.Query),
            D("onMutation", DirectiveLocation.Mutation),
            D("onSubscription", DirectiveLocation.Subscription),
            D("onField", DirectiveLocation.Field),
            D("onFragmentDefinition", DirectiveLocation.FragmentDefinition),
            D("onFragmentSpread", DirectiveLocation.FragmentSpread),
            D("onInlineFragment", DirectiveLocation.InlineFragment),
            D("onVariableDefinition", DirectiveLocation.VariableDefinition),
            new DirectiveDefinition("repeatable", DirectiveLocation.Field, DirectiveLocation.Query) { IsRepeatable = true },
            new DirectiveDefinition("withRequired", DirectiveLocation.Field) { Arguments = { A("level", NN(I)), A("note", S) } },
        };

        return new Schema(query, mutation, subscription, extraTypes: [dogOrHuman, humanOrAlien], directives: directives);
    }
}
