package dev.serverlessapis.terraform;

import static dev.serverlessapis.terraform.Terraform.environment;
import static dev.serverlessapis.terraform.Terraform.module;
import static dev.serverlessapis.terraform.Terraform.named;
import static dev.serverlessapis.terraform.Terraform.resource;
import static dev.serverlessapis.terraform.Terraform.tfvars;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The user pool's hardening, read from the identity module and the environments (rule ids as in the README). */
class IdentityHardeningTest {
    private static final Path IDENTITY = module("identity");

    @Test
    void SA_IDENTITY_1_onlyOperatorsCreatePeople() {
        var pool = resource(IDENTITY, "aws_cognito_user_pool", "this");
        assertThat(pool.block("admin_create_user_config").attribute("allow_admin_create_user_only")).contains("true");
    }

    /**
     * Managed login offers no optional MFA, so an environment that wants it requires it: prod does, with an
     * authenticator app, and nothing sends SMS.
     */
    @Test
    void SA_IDENTITY_2_prodRequiresAnAuthenticatorApp() {
        var pool = resource(IDENTITY, "aws_cognito_user_pool", "this");
        assertThat(pool.attribute("mfa_configuration")).contains("var.mfa_required ? \"ON\" : \"OPTIONAL\"");
        assertThat(pool.block("software_token_mfa_configuration").attribute("enabled")).contains("true");
        assertThat(pool.blocks("sms_configuration")).isEmpty();
        assertThat(tfvars(environment("prod")).attribute("mfa_required")).contains("true");
        assertThat(named(environment("prod"), "module", "identity").attribute("mfa_required")).contains("var.mfa_required");
    }

    /** A person who changes their own address keeps the verified one (sign-in, recovery) until the new one is confirmed. */
    @Test
    void SA_IDENTITY_3_anEmailChangeWaitsForItsVerification() {
        var pool = resource(IDENTITY, "aws_cognito_user_pool", "this");
        assertThat(pool.attribute("auto_verified_attributes")).contains("[\"email\"]");
        assertThat(pool.block("user_attribute_update_settings").attribute("attributes_require_verification_before_update"))
                .contains("[\"email\"]");
        assertThat(pool.block("account_recovery_setting").block("recovery_mechanism").attribute("name")).contains("\"verified_email\"");
    }

    /**
     * The page's client is public, hides whether a name exists, can revoke tokens, and its refresh tokens, which
     * neither the page nor make token uses, live Cognito's shortest time unless set otherwise.
     */
    @Test
    void SA_IDENTITY_4_thePagesClientKeepsNoSecretAndItsUnusedRefreshTokensLiveTheShortestTime() {
        var client = resource(IDENTITY, "aws_cognito_user_pool_client", "page");
        assertThat(client.attribute("generate_secret")).contains("false");
        assertThat(client.attribute("prevent_user_existence_errors")).contains("\"ENABLED\"");
        assertThat(client.attribute("enable_token_revocation")).contains("true");
        assertThat(client.attribute("refresh_token_validity")).contains("var.refresh_token_validity_minutes");
        assertThat(client.block("token_validity_units").attribute("refresh_token")).contains("\"minutes\"");
        assertThat(named(IDENTITY, "variable", "refresh_token_validity_minutes").attribute("default")).contains("60");
    }
}
