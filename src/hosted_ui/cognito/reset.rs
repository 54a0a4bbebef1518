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
    error: Option<Say>,
) -> Response {
    let error = error.map(|e| page.say(&e));
    pages::render(
        &page.ctx,
        status,
        &CognitoForgotPage {
            base: &page.base,
            csrf: &page.csrf,
            username,
            error: error.as_deref(),
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
            Some(Say::EnterUsername),
        ));
    }
    Ok(start_reset(&page, &username, false).await)
}

/// Asks the pool to send a reset code and moves to the reset page. An unknown user gets the
/// same page as a known one: the reset form must not reveal which accounts exist. `required`:
/// the pool demands the reset before a sign-in (the notice says so).
pub(super) async fn start_reset(page: &Page<'_>, username: &str, required: bool) -> Response {
    let destination = match page.connector.pool.forgot_password(username).await {
        Ok(delivery) => delivery.destination,
        Err(PoolError::NotAuthorized) => None,
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return response;
            }
            let message = match e {
                PoolError::TooManyRequests => Say::TryLater,
                PoolError::InvalidParameter(_) => Say::NoVerifiedContact,
                _ => Say::ResetCodeNotSent,
            };
            return forgot_page(page, StatusCode::OK, username, Some(message));
        }
    };
    let flow = Flow {
        code_for: Some(CodeFor {
            username: username.to_string(),
            destination: destination.clone(),
        }),
        notice: Some(Notice::ResetCodeSent {
            required,
            destination,
        }),
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
    notice: Option<Notice>,
    error: Option<Say>,
) -> Response {
    let rules = policy_rules(page).await;
    let intro = notice.map_or_else(
        || Say::ResetIntro(flow.code_for.as_ref().and_then(|c| c.destination.clone())),
        Say::from,
    );
    let error = error.map(|e| page.say(&e));
    pages::render(
        &page.ctx,
        status,
        &CognitoNewPasswordPage {
            base: &page.base,
            action: format!("{}/reset", page.base),
            csrf: &page.csrf,
            intro: page.say(&intro),
            asks_code: true,
            rules,
            attributes: Vec::new(),
            submit: &page.say(&Say::ResetSubmit),
            error: error.as_deref(),
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
            Some(Say::EnterCodeAndPassword),
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
                let message = match e {
                    PoolError::CodeMismatch => Say::WrongCode,
                    PoolError::ExpiredCode => Say::ResetCodeExpired,
                    PoolError::InvalidPassword(problem) => Say::Password(problem),
                    PoolError::TooManyRequests => Say::TryLater,
                    _ => Say::ResetFailed,
                };
                reset_page(&page, &flow, StatusCode::OK, None, Some(message)).await
            }
        },
    )
}
