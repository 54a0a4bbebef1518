//! Cognito's SRP-6a variant (USER_SRP_AUTH and device SRP), as Amplify implements it.
