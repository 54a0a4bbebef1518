//! Sign-up, and confirming the account with the code the pool sent.

use super::*;

pub async fn signup_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    if !page.connector.sign_up {
        return Ok(page.go(""));
    }
    Ok(signup_page(&page, StatusCode::OK, "", &HashMap::new(), None).await)
}

async fn signup_page(
    page: &Page<'_>,
    status: StatusCode,
    username: &str,
    values: &HashMap<String, String>,
    error: Option<Say>,
) -> Response {
    let rules = policy_rules(page).await;
    let error = error.map(|e| page.say(&e));
    pages::render(
        &page.ctx,
        status,
        &CognitoSignUpPage {
            app_name: &page.app.name,
            provider_name: &page.connector.display_name,
            base: &page.base,
            csrf: &page.csrf,
            username,
            rules,
            attributes: attribute_fields(page, &page.connector.sign_up_attributes, values),
            error: error.as_deref(),
        },
    )
}

pub async fn signup_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    if !page.connector.sign_up {
        return Ok(page.go(""));
    }
    let mut form = page.form(&body).await?;
    let username = form
        .remove("username")
        .unwrap_or_default()
        .trim()
        .to_string();
    let password = form.remove("new_password").unwrap_or_default();
    let mut values = HashMap::new();
    let mut attributes = Vec::new();
    for name in &page.connector.sign_up_attributes {
        let value = form
            .remove(&format!("attr:{name}"))
            .unwrap_or_default()
            .trim()
            .to_string();
        values.insert(name.clone(), value.clone());
        attributes.push((name.clone(), value));
    }
    let missing = username.is_empty()
        || password.is_empty()
        || attributes.iter().any(|(_, value)| value.is_empty());
    if missing {
        return Ok(signup_page(
            &page,
            StatusCode::OK,
            &username,
            &values,
            Some(Say::FillEveryField),
        )
        .await);
    }
    let outcome = match page
        .connector
        .pool
        .sign_up(&username, &password, &attributes)
        .await
    {
        Ok(outcome) => outcome,
        Err(e) => {
            if let Some(response) = page.outage(&e) {
                return Ok(response);
            }
            let message = match e {
                PoolError::UsernameExists => Say::UsernameExists,
                PoolError::InvalidPassword(problem) => Say::Password(problem),
                PoolError::InvalidParameter(why) => {
                    tracing::info!(%why, "sign-up refused as invalid");
                    Say::SignUpCheckInput
                }
                PoolError::TooManyRequests => Say::TryLater,
                _ => Say::SignUpFailed,
            };
            return Ok(signup_page(&page, StatusCode::OK, &username, &values, Some(message)).await);
        }
    };
    tracing::info!(provider = %page.provider_id, confirmed = outcome.confirmed, "account created");
    if outcome.confirmed {
        return Ok(page.sign_in_with(&username, &password, &headers).await);
    }
    let flow = Flow {
        code_for: Some(CodeFor {
            username,
            destination: outcome.delivery.destination,
        }),
        auto_sign_in: Some(password),
        ..Flow::default()
    };
    Ok(match page.save_flow(&flow).await {
        Ok(()) => page.go("/confirm"),
        Err(response) => response,
    })
}

pub async fn confirm_get(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let (flow, notice) = page.flow_and_notice().await?;
    if flow.code_for.is_none() {
        return Ok(page.go(""));
    }
    Ok(confirm_page(
        &page,
        &flow,
        StatusCode::OK,
        notice.map(Say::from),
        None,
    ))
}

fn confirm_page(
    page: &Page<'_>,
    flow: &Flow,
    status: StatusCode,
    notice: Option<Say>,
    error: Option<Say>,
) -> Response {
    let notice = notice.map(|n| page.say(&n));
    let error = error.map(|e| page.say(&e));
    pages::render(
        &page.ctx,
        status,
        &CognitoConfirmPage {
            base: &page.base,
            csrf: &page.csrf,
            destination: flow
                .code_for
                .as_ref()
                .and_then(|c| c.destination.as_deref()),
            notice: notice.as_deref(),
            error: error.as_deref(),
        },
    )
}

pub async fn confirm_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    let mut form = page.form(&body).await?;
    let mut flow = page.flow().await?;
    let Some(username) = flow.code_for.as_ref().map(|c| c.username.clone()) else {
        return Ok(page.go(""));
    };
    let code = form.remove("code").unwrap_or_default().trim().to_string();
    if code.is_empty() {
        return Ok(confirm_page(
            &page,
            &flow,
            StatusCode::OK,
            None,
            Some(Say::WrongCode),
        ));
    }
    Ok(
        match page.connector.pool.confirm_sign_up(&username, &code).await {
            Ok(()) => {
                tracing::info!(provider = %page.provider_id, "account confirmed");
                let password = flow.auto_sign_in.take();
                flow.code_for = None;
                page.save_flow(&flow).await?;
                match password {
                    Some(password) => page.sign_in_with(&username, &password, &headers).await,
                    None => page.sign_in_page(
                        StatusCode::OK,
                        &username,
                        Some(Notice::AccountConfirmed.into()),
                        None,
                    ),
                }
            }
            Err(e) => {
                if let Some(response) = page.outage(&e) {
                    return Ok(response);
                }
                let message = match e {
                    PoolError::CodeMismatch => Say::WrongCode,
                    PoolError::ExpiredCode => Say::ExpiredCode,
                    PoolError::TooManyRequests => Say::TryLater,
                    _ => Say::ConfirmFailed,
                };
                confirm_page(&page, &flow, StatusCode::OK, None, Some(message))
            }
        },
    )
}

pub async fn resend_post(
    State(state): State<AppState>,
    session: Session,
    Path((request_id, provider_id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let page = Page::load(&state, session, request_id, provider_id).await?;
    page.form(&body).await?;
    let mut flow = page.flow().await?;
    let Some(username) = flow.code_for.as_ref().map(|c| c.username.clone()) else {
        return Ok(page.go(""));
    };
    Ok(
        match page
            .connector
            .pool
            .resend_confirmation_code(&username)
            .await
        {
            Ok(CodeDelivery { destination, .. }) => {
                flow.notice = Some(Notice::NewCodeSent {
                    destination: destination.clone(),
                });
                flow.code_for = Some(CodeFor {
                    username,
                    destination,
                });
                match page.save_flow(&flow).await {
                    Ok(()) => page.go("/confirm"),
                    Err(response) => response,
                }
            }
            Err(e) => {
                if let Some(response) = page.outage(&e) {
                    return Ok(response);
                }
                let message = if matches!(e, PoolError::TooManyRequests) {
                    Say::TryLater
                } else {
                    Say::NewCodeNotSent
                };
                confirm_page(&page, &flow, StatusCode::OK, None, Some(message))
            }
        },
    )
}
