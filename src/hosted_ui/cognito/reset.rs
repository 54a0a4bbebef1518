//! Forgot password: the code, then a new password, then signed in.

use super::*;

pub async fn forgot_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let username = page.request.login_hint.clone().unwrap_or_default();
    Ok(forgot_page(&page, StatusCode::OK, &username, None))
}

fn forgot_page(
    page: &Page<'_>,
    status: StatusCode,
    username: &str,
    error: Option<&str>,
) -> Response {
    pages::render(
        &page.ctx,
        status,
        &CognitoForgotPage {
            base: &page.base,
            csrf: &page.csrf,
            username,
            error,
        },
    )
}

pub async fn forgot_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let mut form = page.form(&body).await?;
    let username = form
        .remove("username")
        .unwrap_or_default()
        .trim()
        .to_string();
    if username.is_empty() {
        return Ok(forgot_page(
            &page,
            StatusCode::OK,
            "",
            Some("Enter your username."),
        ));
    }
    Ok(start_reset(&page, &username, "").await)
}

/// Asks the pool to send a reset code and moves to the reset page. An unknown user gets the
/// same page as a known one: the reset form must not reveal which accounts exist.
pub(super) async fn start_reset(page: &Page<'_>, username: &str, why: &str) -> Response {
    let destination = match page.connector.pool.forgot_password(username).await {
        Ok(delivery) => delivery.destination,
        Err(PoolError::NotAuthorized) => None,
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = match e {
                PoolError::TooManyRequests => TRY_LATER,
                PoolError::InvalidParameter(_) => {
                    "This account has no verified email address or phone number to send a code to. Contact the app's support."
                }
                _ => "A reset code could not be sent. Try again later.",
            };
            return forgot_page(page, StatusCode::OK, username, Some(message));
        }
    };
    let sent = match &destination {
        Some(to) => format!("If the account exists, we sent a code to {to}."),
        None => "If the account exists, we sent it a code.".into(),
    };
    let flow = Flow {
        code_for: Some(CodeFor {
            username: username.to_string(),
            destination,
        }),
        notice: Some(format!("{why} {sent}").trim().to_string()),
        ..Flow::default()
    };
    match page.save_flow(&flow).await {
        Ok(()) => page.go("/reset"),
        Err(response) => response,
    }
}

async fn reset_page(
    page: &Page<'_>,
    flow: &Flow,
    status: StatusCode,
    notice: Option<String>,
    error: Option<&str>,
) -> Response {
    let rules = policy_rules(page).await;
    let intro = notice.unwrap_or_else(|| {
        match flow
            .code_for
            .as_ref()
            .and_then(|c| c.destination.as_deref())
        {
            Some(to) => format!("Enter the code we sent to {to} and choose a new password."),
            None => "Enter the code we sent you and choose a new password.".into(),
        }
    });
    pages::render(
        &page.ctx,
        status,
        &CognitoNewPasswordPage {
            base: &page.base,
            action: format!("{}/reset", page.base),
            csrf: &page.csrf,
            intro,
            asks_code: true,
            rules,
            attributes: Vec::new(),
            submit: "Reset password",
            error,
        },
    )
}

pub async fn reset_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let (flow, notice) = page.flow_and_notice().await?;
    if flow.code_for.is_none() {
        return Ok(page.go("/forgot"));
    }
    Ok(reset_page(&page, &flow, StatusCode::OK, notice, None).await)
}

pub async fn reset_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let mut form = page.form(&body).await?;
    let flow = page.flow().await?;
    let Some(username) = flow.code_for.as_ref().map(|c| c.username.clone()) else {
        return Ok(page.go("/forgot"));
    };
    let code = form.remove("code").unwrap_or_default().trim().to_string();
    let password = form.remove("new_password").unwrap_or_default();
    if code.is_empty() || password.is_empty() {
        return Ok(reset_page(
            &page,
            &flow,
            StatusCode::OK,
            None,
            Some("Enter the code and a new password."),
        )
        .await);
    }
    Ok(
        match page
            .connector
            .pool
            .confirm_forgot_password(&username, &code, &password)
            .await
        {
            Ok(()) => {
                tracing::info!(provider = %page.provider_id, "password reset");
                page.clear_flow().await?;
                page.sign_in_with(&username, &password, &headers).await
            }
            Err(e) => {
                if let Some(response) = page.outage(&e) {
                    return Ok(response);
                }
                let message = match &e {
                    PoolError::CodeMismatch => WRONG_CODE.to_string(),
                    PoolError::ExpiredCode => {
                        "That code has expired. Start the reset again.".into()
                    }
                    PoolError::InvalidPassword(rule) => password_message(rule),
                    PoolError::TooManyRequests => TRY_LATER.into(),
                    _ => "The password could not be reset with that code. Start the reset again."
                        .into(),
                };
                reset_page(&page, &flow, StatusCode::OK, None, Some(&message)).await
            }
        },
    )
}
