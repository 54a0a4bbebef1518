//! The pool's sign-in page: username, password (unless custom auth), remember this device.

use super::reset::start_reset;
use super::*;

pub async fn signin_get(
    state: &AppState,
    session: Session,
    request_id: String,
    provider_id: String,
) -> PageResult {
    let page = Page::load(state, session, request_id, provider_id).await?;
    let (_, notice) = page.flow_and_notice().await?;
    let username = page.request.login_hint.clone().unwrap_or_default();
    Ok(page.sign_in_page(StatusCode::OK, &username, notice.map(Say::from), None))
}

pub async fn signin_post(
    state: &AppState,
    session: Session,
    request_id: String,
    provider_id: String,
    address: String,
    headers: HeaderMap,
    body: Bytes,
) -> PageResult {
    let page = Page::load(state, session, request_id, provider_id).await?;
    let mut form = page.form(&body).await?;
    let username = form
        .remove("username")
        .unwrap_or_default()
        .trim()
        .to_string();
    let password = form.remove("password").unwrap_or_default();
    let remember = form.remove("remember_device").is_some_and(|v| v == "on");
    let retry = |status, error: Say| page.sign_in_page(status, &username, None, Some(error));
    if username.is_empty() || (page.connector.asks_password() && password.is_empty()) {
        return Ok(retry(StatusCode::OK, Say::BadCredentials));
    }

    let attempt = match throttle::reserve(state, &page.provider_id, &username, &address).await {
        Ok(attempt) => attempt,
        Err(throttle::Refused::Locked { minutes }) => {
            page.sign_in_failed(SignInOutcome::Locked, Some(&username));
            return Ok(retry(
                StatusCode::TOO_MANY_REQUESTS,
                Say::Locked { minutes },
            ));
        }
        Err(throttle::Refused::Store(e)) => return Ok(pages::unavailable(&e)),
    };
    let device = page.device_for(&headers, &username);
    let result = page
        .connector
        .sign_in(&username, &password, device, remember, &state.sealer)
        .await;
    // Only a refused password counts (its reservation stays); every other answer is no
    // verdict on the password, and gives its reservation back.
    let settled = match &result {
        Ok(_) => attempt.succeeded().await,
        Err(PoolError::NotAuthorized) => {
            attempt.failed();
            Ok(())
        }
        Err(_) => attempt.give_back().await,
    };
    if let Err(e) = settled {
        return Ok(pages::unavailable(&e));
    }
    Ok(match result {
        Ok(outcome) => page.proceed(outcome, &headers).await,
        Err(PoolError::NotAuthorized) => {
            page.sign_in_failed(SignInOutcome::BadCredentials, Some(&username));
            retry(StatusCode::OK, Say::BadCredentials)
        }
        Err(PoolError::UserNotConfirmed) => {
            let flow = Flow {
                code_for: Some(CodeFor {
                    username: username.clone(),
                    destination: None,
                }),
                auto_sign_in: Some(password),
                notice: Some(Notice::NotConfirmed),
                ..Flow::default()
            };
            match page.save_flow(&flow).await {
                Ok(()) => page.go("/confirm"),
                Err(response) => response,
            }
        }
        Err(PoolError::PasswordResetRequired) => start_reset(&page, &username, true).await,
        Err(PoolError::TooManyRequests) => retry(StatusCode::TOO_MANY_REQUESTS, Say::TryLater),
        Err(e) => page
            .outage(&e)
            .unwrap_or_else(|| retry(StatusCode::OK, Say::BadCredentials)),
    })
}
