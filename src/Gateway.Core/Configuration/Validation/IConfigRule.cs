namespace FunctionGateway.Configuration.Validation;

/// <summary>One check of a config. A new rule is a new class: the validator runs them all and keeps every issue.</summary>
internal interface IConfigRule
{
    void Check(GatewayConfig config, List<ConfigIssue> issues);
}
