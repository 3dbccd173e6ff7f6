namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// A rule that only warns (route overlaps, declaration order, routes reachable without a token): it never decides
/// whether a config can be served, so a host loading a config to serve it runs it after the config is live
/// (<see cref="ConfigChecker"/>). A lint rule that reported an error would let a host serve what
/// <c>gateway validate</c> refuses; <see cref="ConfigValidator"/> refuses to run one that does.
/// </summary>
internal interface ILintRule : IConfigRule;
