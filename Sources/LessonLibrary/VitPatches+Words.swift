// The words of vit-patches. Keys are value names or names for the paragraphs; slots: «C», «H», «W»,
// «P», «N», «E», «CPP» (C·P·P), «across» and «down» (patches along a row and down a column).

import TraceCore

extension VitPatches {
    static let words = Words(
        captions: [
            "image": ("Image", "«C» channels of «H» × «W» pixels; channel c is the c-th block of «H» rows."),
            "image, one channel": ("Image", "One channel of «H» × «W» pixels."),
            "patch_size": ("Patch size", "Each patch is «P» × «P» pixels: «down» patches down, «across» across, N = «N»."),
            "conv_proj.weight": ("Projection (`conv_proj.weight`)", #"E × C × P × P = «E» × «C» × «P» × «P», shown as its «E» rows: row e is `conv_proj.weight[e].flatten()`, «CPP» numbers in the patch's (channel, row, column) order, the columns of $X_p$ below. Column (c,i,j) is channel c, row i, column j of a patch; an entry written out on its own is named (e, c, i, j)."#),
            "conv_proj.bias": ("Projection bias", "One number per entry of a token."),
            "conv_proj.bias, zeros": ("Projection bias", "Left out: zeros."),
            "class_token": ("Class token", #"Learned, the same for every image; ViT's classifier reads this token's row at the encoder's end."#),
            "class_token, zeros": ("Class token", "Left out: zeros (torchvision starts it at zeros too, then learns it)."),
            "pos_embedding": ("Position embeddings", "Learned, one row per token: row 1 for the class token, row n + 1 for patch n."),
            "pos_embedding, zeros": ("Position embeddings", "Left out: zeros, so nothing here tells the patches' places apart."),
            "patches": ("patches", "Row n is patch n: its «CPP» pixels channel by channel, each channel row by row, the order of Conv2d's weight; column (c,i,j) is channel c, row i, column j of the patch.«same»"),
            "patches, one channel": ("patches", "Row n is patch n: its «CPP» pixels row by row; column (c,i,j) is channel c (the only one), row i, column j of the patch.«same»"),
            "embeddings": ("patch embeddings", "«conv»«largest»«same»"),
            "tokens": ("tokens", #"The class token first, then the «N» patches: «N» + 1 rows of «E»; row n + 1 is $z_p^{(n)}$, row n of $Z_p$. Row 1 is $x_{\text{class}}$ whatever the image: it reads no pixel."#),
            "output": ("tokens with their positions", #"«receives»"#),
            "output, apart": ("tokens with their positions", #"Patches «a» and «b» had equal embeddings; their rows «ra» and «rb» now differ (entry «j»: «x» and «y»), by their position embeddings alone. «receives»"#),
            "output, same": ("tokens with their positions", #"Patches «a» and «b» had equal embeddings, and their rows «ra» and «rb» are still equal: $E_{\text{pos}}$'s rows «ra» and «rb» are the same, so the encoder cannot tell the two places apart. «receives»"#),
            "output.grad": ("gradient of the output", "The loss's gradient $G$ itself: the output is what the loss sees."),
            "tokens.grad": ("gradient of the tokens", #"$Z_0 = Z + E_{\text{pos}}$ passes the gradient on unchanged: $\frac{\partial L}{\partial Z_0}$ is $G$, given above, and so is $\frac{\partial L}{\partial Z}$."#),
            "embeddings.grad": ("gradient of the patch embeddings", #"Rows 2 … N + 1 of $\frac{\partial L}{\partial Z}$: patch n's embedding is token n + 1."#),
            "patches.grad": ("gradient of the patches", #"Through $Z_p = X_p W_{p}^{\top} + b$: $\frac{\partial L}{\partial X_p} = \frac{\partial L}{\partial Z_p} W_{p}$."#),
            "patches.grad, same pixels": ("gradient of the patches", #"Through $Z_p = X_p W_{p}^{\top} + b$: $\frac{\partial L}{\partial X_p} = \frac{\partial L}{\partial Z_p} W_{p}$. Patches «a» and «b» hold the same pixels but their rows differ here: a patch's gradient comes from its token's row of $G$ (rows «ra» and «rb»), not from its pixels."#),
            "image.grad": ("gradient of the image", #"Each entry of $\frac{\partial L}{\partial X_p}$ put back on the pixel it was copied from. Every pixel belongs to exactly one patch (stride «P» = kernel «P»), so nothing is added up: overlapping patches (a stride below the kernel) would add their shares."#),
            "conv_proj.weight.grad": ("gradient of the projection", #"$\left(\frac{\partial L}{\partial Z_p}\right)^{\top} X_p$: a sum over the «N» patches, as a recurrent weight's is a sum over the time steps, since one $W_{p}$ projects every patch. Shown E × C·P·P, as $W_{p}$; an entry written out is named (e, c, i, j)."#),
            "conv_proj.bias.grad": ("gradient of the projection bias", #"$b$ was added to every patch's embedding: a sum down each column of $\frac{\partial L}{\partial Z_p}$, over the «N» patches."#),
            "class_token.grad": ("gradient of the class token", #"Row 1 of $\frac{\partial L}{\partial Z}$, which is row 1 of $G$: the class token reads no pixel, so its gradient comes from $G$ alone (in a whole ViT, from every layer above it)."#),
            "pos_embedding.grad": ("gradient of the position embeddings", #"$G$ itself, each row to its own position."#),
        ],
        text: [
            "summary": "ViT's input: an image cut into patches, flattened in Conv2d's order, projected, a class token put first, position embeddings added",
            "title": "Vision Transformer: from an image to tokens",
            "default.summary": "a 4 × 4 image, 2 × 2 patches, tokens of 3: patches 2 and 3 are the same pixels",
            "default.story": #"""
                One channel of 4 × 4 pixels cut into four 2 × 2 patches. Patch 2 (top right) and patch 3 \#
                (bottom left) hold the same pixels, 1s on the diagonal and 0s off it: watch them get the same \#
                embedding, and their positions tell them apart.
                """#,
            "rgb.summary": "three channels (red, green, blue): a patch is 12 numbers, channel by channel",
            "rgb.story": #"""
                A 4 × 4 colour image, channels red, green and blue: patch 1 is red, patch 2 green, patch 3 blue \#
                (each with one pixel at half strength), patch 4 white (every pixel 1 in every channel). Projection \#
                row 1 weighs red against green; row 2 the top row of a patch against its bottom row, in every channel.
                """#,
            "why": #"""
                The Transformer reads a sequence of vectors. The **Vision Transformer** (ViT) makes one from an \#
                image: it cuts the image into square patches, lays each patch's pixels out as one vector, \#
                projects it to the model's width E, puts a learned **class token** first (its final state is \#
                what classifies the image) and adds a learned **position embedding** to every token. What this \#
                note computes is the paper's $z_0$, the input of the Transformer's encoder.
                """#,
            "heading equations": "The equations",
            "equations": #"""
                \begin{aligned}
                (X_p)_{n,\,(c-1)P^{2} + (i-1)P + j} &= X_{c,\; rP + i,\; sP + j} && n = r \tfrac{W}{P} + s + 1,\quad 0 \le r < \tfrac{H}{P},\ 0 \le s < \tfrac{W}{P} \\
                & && 1 \le c \le C,\quad 1 \le i, j \le P \\
                Z_p &= X_p W_{p}^{\top} + b && \text{the stride-}P\text{ convolution; row } n \text{ is } z_p^{(n)\top} \\
                Z &= \begin{bmatrix} x_{\text{class}}^{\top} \\ Z_p \end{bmatrix} && \text{class token first} \\
                Z_0 &= Z + E_{\text{pos}} && \text{the paper's } z_0
                \end{aligned}
                """#,
            "convention": #"""
                The grid's row r and column s count from 0 (patch 1 is r = s = 0); pixels, channels and rows of \#
                matrices count from 1. As torchvision's `VisionTransformer`: `conv_proj` is \#
                `nn.Conv2d(3, E, kernel_size=P, stride=P)` there (`in_channels=3` is fixed«channels»); \#
                `class_token` is a parameter of shape 1 × 1 × E that starts at zeros; `encoder.pos_embedding` \#
                is one of shape 1 × (N + 1) × E drawn from N(0, 0.02²), added to the tokens inside \#
                `Encoder.forward` and followed by dropout (nothing in evaluation). Here the class token is written \#
                as E numbers and $E_{\text{pos}}$ as (N + 1) × E; an input file may give either those shapes or \#
                torchvision's. Patches are numbered row by row from the top left, as the convolution's outputs \#
                are when flattened. The paper writes $x_p^{n} \mathbf{E}$: each patch flattened, then one linear \#
                map; its matrix $\mathbf{E}$ (a name, not our width E, which the paper calls D and torchvision \#
                `hidden_dim`) is our $W_{p}^{\top}$. That is the convolution: with kernel and stride both $P$ \#
                the kernel sits on each patch once and sums weight × pixel over it, so output $e$ at patch $n$ \#
                is row $n$ of $X_p$ times row $e$ of $W_{p}$ plus $b_e$, with $W_{p}$ read as E × C·P·P and \#
                each patch flattened in (channel, row, column) order, $W_{p}$'s own order. Code that cuts \#
                patches with einops' `(p1 p2 c)` flattens them (row, column, channel) and uses an `nn.Linear`: \#
                the same numbers, its weight's columns in another order, so weights cannot be copied between \#
                the two without reordering them.«channel»
                """#,
            "convention channels": ", so this «C»-channel image needs a «C»-channel Conv2d in its place",
            "convention one channel": " With one channel the two orders agree.",
            "legend C": "channels (1 for grey, 3 for red, green, blue)",
            "legend H": "image height in pixels",
            "legend W": "image width in pixels",
            "legend P": "patch side",
            "legend N": "patches, (H/P)·(W/P)",
            "legend E": "numbers per token, the model's width (the paper's D, torchvision's `hidden_dim`)",
            "label patch": "patch «n»",
            "label patch header": "patch",
            "label class": "class",
            "label token": "token",
            "label row": "row «i»",
            "label channel row": "c«c» row «i»",
            "label pixel row": "pixel row",
            "label pixel column": "pixel column",
            "label pixel": "(«c»,«i»,«j»)",
            "label output": "e",
            "label entry": "entry",
            "heading steps": "Step by step",
            "heading cut": "Cut into patches",
            "heading project": "Project each patch",
            "heading tokens": "The class token and the positions",
            "heading summary": "Summary",
            "heading after": "After this input",
            "heading back through": "Back through the tokens and the projection",
            "heading input gradients": "The inputs' gradients",
            "figure": "The image cut into patches",
            "figure panel": "image X",
            "figure channel": "channel «c»",
            "figure description": #"Each pixel coloured by its value (red positive, white 0, blue negative), a thick line every «P» pixels, each patch's number in its corner: the patches are the rows of $X_p$, numbered row by row.«scale»"#,
            "figure one scale": " Every channel is drawn on that one scale: the colours are values, not the channel's colour (a 1 in the green channel is drawn red, as a 1 in the red one).",
            "flattening": #"""
                **Where the pixels went.** Patch «n» covers image rows «rows» and columns «columns». Column \#
                $(c-1) \cdot «PP» + (i-1) \cdot «P» + j$ of its row of $X_p$ holds its pixel $(c, i, j)$: channel $c$, \#
                row $i$ and column $j$ inside the patch, which is pixel $(c, «r0» + i, «c0» + j)$ of $X$:

                | column of row «n» | (c, i, j) in the patch | pixel of X (c, row, column) | value |
                |---:|---|---|---:|
                «table»
                """#,
            "patches, same": " Patches «a» and «b» hold the same pixels: their rows are equal.",
            "embeddings conv": #"Entry (n, e): patch n's pixels times row e of $W_{p}$, plus $b_e$, which is what `conv_proj` (a Conv2d with kernel and stride «P») computes at patch n."#,
            "embeddings largest": #" Patch «n»'s row is the longest: $\lVert z_p^{(«n»)} \rVert = «norm»$, the square root of the sum of its squared entries."#,
            "embeddings largest, tie": #" Patches «list» have the longest rows: $\lVert z_p^{(n)} \rVert = «norm»$, the square root of the sum of the squared entries."#,
            "embeddings length": #" Lengths differ from patch to patch, but the first encoder block's LayerNorm rescales every token to the same spread before attention: a token's length is kept only on the residual path."#,
            "embeddings same": " Patches «a» and «b», the same pixels, get the same row: the projection sees pixels, not places.",
            "receives": #"$Z_0$ is what the first encoder block receives: row 1 the class token, row n + 1 patch n. That block begins with a LayerNorm (pre-norm)."#,
            "where group": "patches «list»",
            "notice": #"""
                An image of «H» × «W» pixels became «N» + 1 tokens of «E» numbers: the patches, projected by one \#
                shared $W_{p}$ (a convolution with stride equal to its kernel), and the class token. From here on the \#
                encoder treats them as a sentence of «N» + 1 words; «where»
                """#,
            "where, all": #"only $E_{\text{pos}}$ says where each patch was, and here its «N» patch rows all differ."#,
            "where, shared": #"only $E_{\text{pos}}$ says where each patch was, and here it does not tell every place apart: «groups» share a row (each group its own)."#,
            "where, none": #"with $E_{\text{pos}}$ left out, nothing says where each patch was."#,
            "where, one": #"with one patch there is no place to tell apart."#,
            "after": #"""
                **What comes next.** $Z_0$ goes through a stack of encoder blocks, each pre-norm (`lesson transformer-block` \#
                with `norm_first` true and `activation` "gelu"; torchvision's LayerNorms use eps = 10⁻⁶): a LayerNorm, multi-head self-attention and a residual sum, then a LayerNorm, an MLP \#
                with GELU and a residual sum. ViT keeps only the Transformer's encoder: no decoder, no cross-attention, no \#
                mask, so every token attends to every token. After the last block a final LayerNorm, then row 1 alone \#
                (`x[:, 0]`, the class token's) goes to `heads`, by default one Linear layer with an output per class.

                **Why a class token.** It reads no pixel, so its final row belongs to no one patch; attention lets it \#
                gather from all «N» patches, as BERT's [CLS] token does from a sentence. The ViT paper reports that \#
                averaging the patches' final rows instead (global average pooling) works as well.

                **At full size.** ViT-B/16 takes 224 × 224 images with P = 16: N = 196 patches of 3·16·16 = 768 \#
                numbers each, E = 768, 197 tokens (here «N» patches of «CPP» numbers, E = «E»). $E_{\text{pos}}$'s \#
                N + 1 rows fix the image size: another size needs the position embeddings interpolated. The paper's \#
                position embeddings are 1-D, one learned row per place in the row-by-row order; it found no gain in \#
                2-D-aware ones. For a batch of images the gradients of $W_p$, $b$, the class token and \#
                $E_{\text{pos}}$ are summed over the batch too.
                """#,
            "backward why": #"""
                Training needs the gradient of a loss $L$ with respect to every weight: $W_{p}$, $b$, the class \#
                token and $E_{\text{pos}}$. It does not need the image's gradient, computed here too: that says \#
                which pixels the loss is most sensitive to (saliency maps, adversarial examples). Backpropagation \#
                gets them with the chain rule, from the output back to the inputs, in the reverse order of the \#
                forward pass: each value's gradient is the sum, over every place the value was used, of what that \#
                use passes back.
                """#,
            "pos_embedding.grad, said": #"""
                **The position embeddings' gradient** $\frac{\partial L}{\partial E_{\text{pos}}}$ is $G$ itself, given \#
                above: $E_{\text{pos}}$ was added to the tokens, each row at its own position, so row n + 1 of $G$ \#
                trains patch n's position and row 1 the class token's.
                """#,
            "backward equations": #"""
                \frac{\partial L}{\partial Z} = \frac{\partial L}{\partial Z_0} = G, \quad
                \frac{\partial L}{\partial E_{\text{pos}}} = G, \quad
                \frac{\partial L}{\partial Z_p} = \left(\frac{\partial L}{\partial Z}\right)_{2:N+1,:}, \quad
                \frac{\partial L}{\partial X_p} = \frac{\partial L}{\partial Z_p} W_{p}, \quad
                \frac{\partial L}{\partial W_{p}} = \left(\frac{\partial L}{\partial Z_p}\right)^{\top} X_p, \quad
                \frac{\partial L}{\partial x_{\text{class}}} = \left(\frac{\partial L}{\partial Z}\right)_{1,:}
                """#,

            // What the seed notes say, and what the numbers show.
            "slides regions": #"""
                - Seed 000: “Instead of a sentence's sequence, the image is cut into small regions, each treated \#
                as if it were one input.” Confirmed: the «N» patches of «P» × «P» pixels («CPP» numbers each) \#
                become rows 2–«last» of $Z$, «E» numbers each, as a sentence's words are rows of embeddings; \#
                row 1 is the class token, which holds no region.
                """#,
            "slides encoder": #"""
                - Seed 000: “For image classification the Transformer's encoder is sometimes used (ViT).” Confirmed, and the encoder \#
                alone: no decoder, no cross-attention, no mask. The seed's other image model, DALL-E, is the \#
                opposite: it turns an image into discrete tokens and generates them one at a time with a decoder; \#
                ViT projects its patches linearly and classifies them with an encoder.
                """#,
            "slides position": #"""
                - Seed 000: “Whether A B C D or B A C D is fed in, the encoded values do not change.” Not exactly: \#
                without positions, self-attention's outputs are permuted with its inputs (B A C D's outputs are \#
                A B C D's, the first two swapped); what does not change at all is the class token's output, \#
                when the patches are shuffled. These numbers show the projection's side of it: patches «a» and «b» \#
                hold the same pixels and get equal rows of $Z_p$; only the position embeddings, added to rows \#
                «ra» and «rb», make them differ.
                """#,
            "slides position, zero": #"""
                - Seed 000: “Whether A B C D or B A C D is fed in, the encoded values do not change.” Not exactly: \#
                without positions, self-attention's outputs are permuted with its inputs; what does not change at \#
                all is the class token's output, when the patches are shuffled. Here, with $E_{\text{pos}}$'s rows \#
                «ra» and «rb» equal, patches «a» and «b» (the same pixels) stay equal tokens: nothing tells \#
                their places apart.
                """#,
            "slides learned": #"""
                - Seed 000: “This process is usually pre-defined: a kind of offset is added.” An offset, yes; \#
                pre-defined, not in ViT: $E_{\text{pos}}$ is a weight learned with the others, and these rows are \#
                not sinusoids: Vaswani et al.'s (the Transformer paper's, which ViT does not use) would make row 2 \#
                (position 1) equal to («row»).«odd»
                """#,
            "slides learned, odd": " With E = «E» odd, the last column is a sine without its cosine partner.",
            "slides learned, sinusoids": #"""
                - Seed 000: “This process is usually pre-defined: a kind of offset is added.” Here \#
                $E_{\text{pos}}$ holds Vaswani et al.'s sinusoids for positions 0 … «last», a fixed table as the seed \#
                says; ViT learns its own instead, starting from random numbers.
                """#,
        ], korean: korean)
}
